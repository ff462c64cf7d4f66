import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { main } from '../../src/cli/index.js'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { captureIo, serving } from './helpers.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-auth-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('mock-auth CLI (in-process)', () => {
  it('prints help with examples and the version', async () => {
    const help = captureIo()
    expect(await main(['--help'], help)).toBe(0)
    expect(help.out()).toContain('mock-auth serve')
    expect(help.out()).toContain('Examples:')
    const serveHelp = captureIo()
    expect(await main(['serve', '--help'], serveHelp)).toBe(0)
    expect(serveHelp.out()).toMatch(/--port .*0 picks a free one.*\[default: 4010\]/)
    expect(serveHelp.out()).toContain('--scenario expired --port 0')
    const version = captureIo()
    expect(await main(['--version'], version)).toBe(0)
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(version.out()).toBe(`${pkg.version}\n`)
  })

  it('lists scenarios as text and JSON, with a user file', async () => {
    const text = captureIo()
    expect(await main(['scenarios'], text)).toBe(0)
    const lines = text.out().trimEnd().split('\n')
    expect(lines).toHaveLength(builtinScenarios.length)
    expect(lines[2]).toMatch(/^expired\s{2,}Sign-in issues an already expired access token/)
    const json = captureIo()
    expect(await main(['scenarios', '--json'], json)).toBe(0)
    expect(JSON.parse(json.out())).toEqual(builtinScenarios.map(({ name, description }) => ({ name, description })))
    const file = join(dir, 'extra.json')
    await writeFile(file, '[{"name":"mine","description":"My case."}]')
    const withFile = captureIo()
    expect(await main(['scenarios', '--scenarios', file], withFile)).toBe(0)
    expect(withFile.out()).toMatch(/\nmine\s+My case\.\n$/)
  })

  it('rejects usage mistakes with one line and exit code 2', async () => {
    for (const args of [[], ['nope'], ['serve', '--bogus'], ['serve', '--port', 'abc'], ['serve', '--port', '70000'], ['token'], ['serve', '--alg', 'RS256'], ['serve', '--alg', 'HS256']]) {
      const io = captureIo()
      expect(await main(args, io), args.join(' ')).toBe(2)
      expect(io.err(), args.join(' ')).toMatch(/^mock-auth: [^\n]+\n$/)
      expect(io.out()).toBe('')
    }
    // A number flag's mistake names that flag, not another one.
    const io = captureIo()
    expect(await main(['serve', '--max-namespaces', 'many'], io)).toBe(2)
    expect(io.err()).toBe('mock-auth: Invalid --max-namespaces "many": write a decimal number.\n')
  })

  it('refuses empty values and numbers not written in decimal (an unset $HOST must not bind every interface), naming the flag as typed', async () => {
    for (const [args, error] of [
      [['serve', '--host', ''], '--host was given an empty value'],
      [['serve', '--host='], '--host was given an empty value'],
      [['serve', '--port='], '--port was given an empty value'],
      [['serve', '--port', ' ', '--scenario', 'expired'], '--port was given an empty value'],
      [['serve', '--port', '0x10'], 'Invalid --port "0x10": write a decimal number from 0 to 65535'],
      [['serve', '--port', '1e3'], 'Invalid --port "1e3"'],
      // Values the engine or yargs refuse read the same way: the flag as typed, exit 2.
      [['serve', '--port', '0', '--journal-size', '1.5'], '--journal-size must be a whole number'],
      [['serve', '--port', '0', '--public-url', 'notaurl'], 'Invalid --public-url "notaurl"'],
      [['serve', '--log-format', 'xml'], 'Invalid --log-format "xml": use text or json.'],
    ] as const) {
      const io = captureIo()
      expect(await main([...args], io), args.join(' ')).toBe(2)
      expect(io.err(), args.join(' ')).toContain(error)
    }
  })

  it('reports an unknown scenario (a bad flag value: exit 2), a bad users file and a taken port as one line, exit 1', async () => {
    const unknown = captureIo()
    expect(await main(['serve', '--port', '0', '--scenario', 'nope'], unknown)).toBe(2)
    expect(unknown.err()).toBe(`mock-auth: Invalid --scenario: Unknown scenario "nope". Known scenarios: ${builtinScenarios.map((s) => s.name).join(', ')}.\n`)
    const users = join(dir, 'users.json')
    await writeFile(users, '[{"username":"a"}]')
    const badUsers = captureIo()
    expect(await main(['serve', '--port', '0', '--users', users], badUsers)).toBe(1)
    expect(badUsers.err()).toMatch(/^mock-auth: Invalid users file .*users\.json\[0\]: "password" must be a non-empty string\.\n$/)
    // A user's own scenario that does not exist is the users file's mistake, not --scenario's.
    const userScenario = join(dir, 'user-scenario.json')
    await writeFile(userScenario, '[{"username":"a","password":"b","scenario":"nope"}]')
    const badUserScenario = captureIo()
    expect(await main(['serve', '--port', '0', '--users', userScenario], badUserScenario)).toBe(2)
    expect(badUserScenario.err()).toMatch(/^mock-auth: Invalid "scenario" of a user in --users \(.*user-scenario\.json\): Unknown scenario "nope"\. Known scenarios: default, /)
    const missing = captureIo()
    expect(await main(['serve', '--users', join(dir, 'none.json')], missing)).toBe(1)
    expect(missing.err()).toMatch(/no such file\. Check the path/)
    const taken: RunningServer = await createServer().listen({ port: 0 })
    try {
      const busy = captureIo()
      expect(await main(['serve', '--port', String(taken.port)], busy)).toBe(1)
      expect(busy.err()).toBe(`mock-auth: Port ${taken.port} on 127.0.0.1 is already in use: stop the other server or choose another port with --port (0 picks a free one).\n`)
    } finally {
      await taken.close()
    }
  })

  it('refuses NODE_ENV=production without --allow-production', async () => {
    const previous = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const io = captureIo()
      expect(await main(['serve', '--port', '0'], io)).toBe(1)
      expect(io.err()).toMatch(/^mock-auth: Refusing to start: NODE_ENV is "production".*--allow-production/)
      const allowed = await serving(['--allow-production'], async (url) => {
        expect((await fetch(`${url}/__mock-auth/health`)).status).toBe(200)
      })
      expect(allowed.code).toBe(0)
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = previous
    }
  })

  it('serves: prints URL, scenario and routes, logs requests, stops with exit code 0', async () => {
    const { code, io } = await serving(['--scenario', 'expired'], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      const me = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${(await res.json()).accessToken}` } })
      expect((await me.json()).error).toBe('token_expired')
    })
    expect(code).toBe(0)
    expect(io.err()).toBe('')
    const out = io.out()
    expect(out).toContain('Scenario: expired (')
    expect(out).toContain('Users:    test / test, admin / admin')
    expect(out).toMatch(/POST\s+\/api\/auth\/login\n/)
    expect(out).toContain('/.well-known/jwks.json')
    expect(out).toMatch(/POST \/api\/auth\/login 200 \d+ms \[expired\]/)
    expect(out).toMatch(/GET \/api\/auth\/me 401 \d+ms \[expired\]/)
    expect(out.endsWith('mock-auth stopped.\n')).toBe(true)
  })

  it('serves with a config file, a users file, scenarios, a base path, HS256 and a short access TTL', async () => {
    await writeFile(join(dir, 'team.json'), '[{"id":"u1","username":"ada","password":"lovelace"}]')
    await writeFile(join(dir, 'cases.json'), '[{"name":"team-down","description":"Down.","respond":{"me":{"error":"service_unavailable"}}}]')
    const config = join(dir, 'mock-auth.json')
    await writeFile(config, JSON.stringify({ users: 'team.json', scenarios: 'cases.json', basePath: '/auth', accessTtl: '2m', refreshTtl: '1d', maxNamespaces: 5, alg: 'HS256', secret: 's'.repeat(32) }))
    const { code, io } = await serving(['--config', config, '--base-path', '/v1/auth', '--refresh-ttl', '1h'], async (url) => {
      const res = await fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"ada","password":"lovelace"}' })
      // The flag wins over the config file: both cookies live as long as the refresh token.
      expect(res.headers.getSetCookie().every((cookie) => cookie.includes('Max-Age=3600'))).toBe(true)
      const body = await res.json()
      expect(body).toMatchObject({ expiresIn: 120, user: { id: 'u1' } })
      expect(JSON.parse(Buffer.from(body.accessToken.split('.')[0], 'base64url').toString()).alg).toBe('HS256')
      const down = await fetch(`${url}/v1/auth/me`, { headers: { 'x-mock-auth-scenario': 'team-down', authorization: `Bearer ${body.accessToken}` } })
      expect(down.status).toBe(503)
    })
    expect(code).toBe(0)
    expect(io.out()).toContain('Users:    ada\n')
  })

  it('token asks a running server and prints the access token; explains when none runs', async () => {
    const server = await createServer().listen({ port: 0 })
    try {
      const io = captureIo()
      expect(await main(['token', '--user', 'test', '--ttl', '1h', '--url', server.url], io)).toBe(0)
      const token = io.out().trim()
      expect(token.split('.')).toHaveLength(3)
      expect((await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
      const expired = captureIo()
      expect(await main(['token', '--user', 'test', '--expired', '--namespace', 'ns1', '--url', server.url, '--json'], expired)).toBe(0)
      const body = JSON.parse(expired.out())
      expect(body.expiresIn).toBeLessThan(0)
      expect(server.engine.namespace('ns1').summary().sessions).toHaveLength(1)
      const ghost = captureIo()
      expect(await main(['token', '--user', 'ghost', '--url', server.url], ghost)).toBe(1)
      expect(ghost.err()).toBe(`mock-auth: The server at ${server.url} refused to mint a token: Unknown user "ghost". Known users: test, admin.\n`)
    } finally {
      await server.close()
    }
    const down = captureIo()
    expect(await main(['token', '--user', 'test', '--url', server.url], down)).toBe(1)
    expect(down.err()).toBe(`mock-auth: No mock-auth server answers at ${server.url}: start one with "mock-auth serve" (or pass --url to reach another one).\n`)
  })
})
