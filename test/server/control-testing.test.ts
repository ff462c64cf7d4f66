import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, type AuthResult } from '../../src/core/index.js'
import { handleControl } from '../../src/server/control-api.js'
import { restDialect } from '../../src/dialects/index.js'

const engine = () => createEngine({ dialect: restDialect, scenarios: builtinScenarios })
const NS = { 'x-mock-auth-namespace': 'other' }

async function call(e: ReturnType<typeof engine>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AuthResult & { json: any }> {
  const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } }
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body)
  const result = await handleControl(e, new Request(`http://localhost${path}`, init))
  if (!result) throw new Error(`not a control route: ${path}`)
  return { ...result, json: result.body === null ? null : JSON.parse(result.body) }
}

const auth = (e: ReturnType<typeof engine>, method: string, path: string, headers: Record<string, string> = {}) =>
  e.fetch(new Request(`http://localhost/api/auth${path}`, { method, headers }))

describe('control API: journal, fail-next, expire, users (no port)', () => {
  it('GET /journal is per namespace, ?since filters, control calls are not in it; DELETE empties it', async () => {
    const e = engine()
    await auth(e, 'GET', '/session')
    await auth(e, 'GET', '/session', NS)
    await auth(e, 'GET', '/me', NS)
    await call(e, 'GET', '/__mock-auth/state', undefined, NS)
    const other = await call(e, 'GET', '/__mock-auth/journal', undefined, NS)
    expect(other.status).toBe(200)
    expect(other.json).toMatchObject({ namespace: 'other', lastSeq: 2, entries: [{ seq: 1, operation: 'session' }, { seq: 2, operation: 'me', error: 'unauthenticated' }] })
    expect((await call(e, 'GET', '/__mock-auth/journal?since=1', undefined, NS)).json.entries.map((x: { seq: number }) => x.seq)).toEqual([2])
    expect((await call(e, 'GET', '/__mock-auth/journal')).json.entries).toHaveLength(1)
    for (const bad of ['-1', 'abc', '1.5', '']) {
      const res = await call(e, 'GET', `/__mock-auth/journal?since=${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.json.error).toBe('invalid_request')
      expect(res.json.message).toMatch(/"since" must be a seq number/)
    }
    expect((await call(e, 'DELETE', '/__mock-auth/journal', undefined, NS)).json).toEqual({ status: 'cleared', namespace: 'other', lastSeq: 2 })
    expect((await call(e, 'GET', '/__mock-auth/journal', undefined, NS)).json.entries).toEqual([])
    const wrong = await call(e, 'POST', '/__mock-auth/journal')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('GET, HEAD, DELETE, OPTIONS')
  })

  it('POST /fail-next queues in the namespace and refuses bad bodies with a sentence', async () => {
    const e = engine()
    const ok = await call(e, 'POST', '/__mock-auth/fail-next', { operation: 'refresh', error: 'server_error', times: 1 }, NS)
    expect(ok.json).toEqual({ namespace: 'other', failNext: [{ operation: 'refresh', answer: { error: 'server_error' }, times: 1 }] })
    expect((await call(e, 'GET', '/__mock-auth/state', undefined, NS)).json.failNext).toHaveLength(1)
    expect((await call(e, 'GET', '/__mock-auth/state')).json.failNext).toEqual([])
    const cases: Array<[unknown, RegExp]> = [
      [{ operation: 'nope', error: 'server_error' }, /"nope" is not an operation; use one of signIn, /],
      [{ operation: 'refresh', error: 'nope' }, /"error" must be an error code/],
      [{ operation: 'refresh' }, /"error" must be an error code/],
      [{ operation: 'refresh', error: 'server_error', times: 0 }, /"times" must be a whole number from 1/],
      [{ operation: 'refresh', error: 'server_error', times: '2' }, /"times" must be a whole number/],
      [{ operation: 'refresh', error: 'server_error', retryAfter: "soon" }, /retryAfter "soon"/],
      [{ operation: 'refresh', error: 'server_error', extra: 1 }, /Unknown field "extra"/],
    ]
    for (const [body, message] of cases) {
      const res = await call(e, 'POST', '/__mock-auth/fail-next', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.message).toMatch(message)
    }
    expect((await call(e, 'POST', '/__mock-auth/fail-next', 'x', { 'content-type': 'text/plain' })).status).toBe(415)
    for (let i = 0; i < 100; i++) await call(e, 'POST', '/__mock-auth/fail-next', { operation: 'me', error: 'server_error' })
    expect((await call(e, 'POST', '/__mock-auth/fail-next', { operation: 'me', error: 'server_error' })).json.message).toMatch(/100 failures are already queued/)
  })

  it('POST /expire answers how many sessions it expired', async () => {
    const e = engine()
    await e.fetch(new Request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...NS }, body: '{"username":"test","password":"test"}' }))
    expect((await call(e, 'POST', '/__mock-auth/expire', undefined, NS)).json).toEqual({ status: 'expired', namespace: 'other', sessions: 1 })
    expect((await call(e, 'POST', '/__mock-auth/expire')).json.sessions).toBe(0)
  })

  it('POST /users 201, 409 on a taken login, 400 on a bad user, unknown_scenario; DELETE /users/<id> 200 then 404', async () => {
    const e = engine()
    const made = await call(e, 'POST', '/__mock-auth/users', { username: 'locked-user', password: 'x', scenario: 'locked' }, NS)
    expect(made.status).toBe(201)
    expect(made.json.user).toMatchObject({ username: 'locked-user', scenario: 'locked', id: expect.stringMatching(/^user-/) })
    expect(made.json.user.password).toBeUndefined()
    const taken = await call(e, 'POST', '/__mock-auth/users', { username: 'LOCKED-USER', password: 'y' }, NS)
    expect([taken.status, taken.json.error]).toEqual([409, 'user_exists'])
    // Namespaces do not share run-time users.
    expect((await call(e, 'POST', '/__mock-auth/users', { username: 'locked-user', password: 'y' })).status).toBe(201)
    const bad = await call(e, 'POST', '/__mock-auth/users', { username: 'x' })
    expect([bad.status, bad.json.message]).toEqual([400, 'Invalid user: "password" must be a non-empty string.'])
    const typo = await call(e, 'POST', '/__mock-auth/users', { username: 'x', password: 'p', role: 'admin' })
    expect([typo.status, typo.json.error, typo.json.message]).toEqual([400, 'invalid_request', expect.stringMatching(/^Invalid user: unknown key "role"; a user has id, username, /)])
    const scenario = await call(e, 'POST', '/__mock-auth/users', { username: 'z', password: 'z', scenario: 'nope' })
    expect([scenario.status, scenario.json.error]).toEqual([400, 'unknown_scenario'])
    const removed = await call(e, 'DELETE', `/__mock-auth/users/${made.json.user.id}`, undefined, NS)
    expect(removed.json).toEqual({ status: 'removed', namespace: 'other', id: made.json.user.id, revokedSessions: 0 })
    const again = await call(e, 'DELETE', `/__mock-auth/users/${made.json.user.id}`, undefined, NS)
    expect([again.status, again.json.error]).toEqual([404, 'not_found'])
    expect(again.json.message).toMatch(/Known ids: user123, admin1/)
    expect((await call(e, 'GET', '/__mock-auth/users/user123')).status).toBe(405)
    expect((await call(e, 'DELETE', '/__mock-auth/users/a/b')).status).toBe(404)
  })
})
