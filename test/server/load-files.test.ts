import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MockAuthError } from '../../src/core/index.js'
import { loadConfigFile, loadScenariosFile, loadUsersFile } from '../../src/server/index.js'

let dir: string
const file = async (name: string, text: string) => {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-auth-files-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(MockAuthError)
  return error as MockAuthError
}

describe('users file', () => {
  it('loads and normalizes users', async () => {
    const users = await loadUsersFile(await file('users.json', '[{"username":"ada","password":"pw","roles":["admin"]}]'))
    expect(users).toEqual([{ id: 'user-1', username: 'ada', password: 'pw', roles: ['admin'] }])
  })

  it('names the file and the fix for every problem', async () => {
    const missing = await failure(loadUsersFile(join(dir, 'nope.json')))
    expect(missing.code).toBe('ERR_INVALID_USERS')
    expect(missing.message).toMatch(/Cannot read users file .*nope\.json: no such file\. Check the path/)
    const syntax = await failure(loadUsersFile(await file('bad.json', '[{"username":')))
    expect(syntax.message).toMatch(/Invalid users file .*bad\.json: not valid JSON .*Fix the JSON syntax/)
    const shape = await failure(loadUsersFile(await file('shape.json', '[{"username":"a"}]')))
    expect(shape.message).toMatch(/shape\.json\[0\]: "password" must be a non-empty string/)
    const notList = await failure(loadUsersFile(await file('obj.json', '{"username":"a"}')))
    expect(notList.message).toMatch(/expected a JSON array of users/)
    // A misspelt field is refused, not dropped: the user would otherwise have no password check to match.
    const typo = await failure(loadUsersFile(await file('typo.json', '[{"username":"a","password":"p","role":["admin"]}]')))
    expect(typo.code).toBe('ERR_INVALID_USERS')
    expect(typo.message).toMatch(/typo\.json\[0\]: unknown key "role"; a user has id, username, password, email, name, roles, claims, mfa, emailVerified, scenario\. Put anything else in "claims"\./)
  })
})

describe('scenarios file', () => {
  it('loads a JSON array, a single JSON object and an ES module', async () => {
    expect((await loadScenariosFile(await file('list.json', '[{"name":"a-case","description":"A."},{"name":"b-case","description":"B.","delay":"50ms"}]'))).map((s) => s.name)).toEqual(['a-case', 'b-case'])
    expect((await loadScenariosFile(await file('one.json', '{"name":"one","description":"One."}'))).map((s) => s.name)).toEqual(['one'])
    const mjs = await file('cases.mjs', 'export default [{ name: "from-js", description: "JS.", respond: { me: { error: "server_error" } } }]\n')
    expect((await loadScenariosFile(mjs)).map((s) => s.name)).toEqual(['from-js'])
    const named = await file('named.mjs', 'export const a = { name: "named-a", description: "A." }\nexport const b = { name: "named-b", description: "B." }\n')
    expect((await loadScenariosFile(named)).map((s) => s.name)).toEqual(['named-a', 'named-b'])
  })

  it('rejects invalid scenarios, naming the file and the field', async () => {
    const bad = await failure(loadScenariosFile(await file('bad-s.json', '[{"name":"x","description":"X.","respond":{"login":{"error":"server_error"}}}]')))
    expect(bad.code).toBe('ERR_INVALID_SCENARIO')
    expect(bad.message).toMatch(/bad-s\.json.*"respond\.login" is not a route; use one of/)
    expect((await failure(loadScenariosFile(await file('empty.json', '[]')))).message).toMatch(/defines no scenario/)
    expect((await failure(loadScenariosFile(await file('s.ts', 'export default []')))).message).toMatch(/use a \.json, \.js or \.mjs file/)
    expect((await failure(loadScenariosFile(await file('throws.mjs', 'throw new Error("kaput")')))).message).toMatch(/Cannot load scenarios file .*throws\.mjs: kaput/)
  })
})

describe('config file', () => {
  it('reads CLI option names (camel or kebab) and resolves file paths against the config folder', async () => {
    const config = await loadConfigFile(await file('mock-auth.json', '{"scenario":"expired","port":4011,"base-path":"/auth","users":"./users.json","corsOrigin":["http://app.test"]}'))
    expect(config).toEqual({ scenario: 'expired', port: 4011, basePath: '/auth', users: join(dir, 'users.json'), corsOrigin: ['http://app.test'] })
  })

  it('rejects unknown keys and wrong types', async () => {
    const unknown = await failure(loadConfigFile(await file('c1.json', '{"scenaro":"expired"}')))
    expect(unknown.message).toMatch(/c1\.json: unknown key "scenaro"; known keys: scenario, port/)
    const type = await failure(loadConfigFile(await file('c2.json', '{"port":"4010"}')))
    expect(type.message).toMatch(/c2\.json: "port" must be a number/)
    expect((await failure(loadConfigFile(await file('c3.json', '[]')))).message).toMatch(/expected a JSON object/)
  })
})
