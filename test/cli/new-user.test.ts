import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'
import { captureIo, serving } from './helpers.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = fileURLToPath(new URL('../../dist/bin/mock-auth.js', import.meta.url))
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-auth-new-user-'))
  if (!existsSync(bin)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}, 120_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('CLI: usage mistakes are exit 2 and name the flag as typed', () => {
  it('names --access-ttl, --refresh-ttl, --max-users... instead of the engine option, and exits 2', async () => {
    for (const [args, flag] of [
      [['--access-ttl', 'abc'], '--access-ttl'],
      [['--access-ttl', '-5m'], '--access-ttl'],
      [['--refresh-ttl', '7 days'], '--refresh-ttl'],
      [['--max-users', '0'], '--max-users'],
      [['--max-sessions-per-user', 'x'], '--max-sessions-per-user'],
      [['--max-namespaces', '1.5'], '--max-namespaces'],
      [['--alg', 'RS256'], '--alg'],
      [['--alg', 'hs256', '--secret', 'short'], '--secret'],
      [['--scenario', 'nope'], '--scenario'],
      [['--port', 'abc'], '--port'],
    ] as const) {
      const io = captureIo()
      expect(await main(['serve', '--port', '0', ...args], io), args.join(' ')).toBe(2)
      expect(io.err(), args.join(' ')).toMatch(new RegExp(`^mock-auth: .*${flag}\\b[^\\n]*\\n$`))
      expect(io.err()).not.toMatch(/accessTokenTtl|refreshTokenTtl|maxUsers|maxSessionsPerUser/)
    }
  })

  it('names the config file key when the bad value came from the file', async () => {
    const config = join(dir, 'bad-ttl.json')
    await writeFile(config, JSON.stringify({ accessTtl: 'soon' }))
    const io = captureIo()
    expect(await main(['serve', '--port', '0', '--config', config], io)).toBe(2)
    expect(io.err()).toContain(`Invalid "accessTtl" in ${config} "soon"`)
  })

  it('refuses a value-taking flag given without a value (--port alone is not the default port)', async () => {
    for (const args of [['serve', '--port'], ['serve', '--port', '--host', '127.0.0.1'], ['serve', '--scenario'], ['token', '--user']]) {
      const io = captureIo()
      expect(await main(args, io), args.join(' ')).toBe(2)
      expect(io.err()).toMatch(new RegExp(`^mock-auth: --${args.at(-1) === '127.0.0.1' ? 'port' : (args.at(-1) ?? '').slice(2)} needs a value\\.`))
    }
  })

  it('suggests the nearest command for an unknown one', async () => {
    for (const [typed, nearest] of [['serv', 'serve'], ['srve', 'serve'], ['scenario', 'scenarios'], ['tokens', 'token'], ['key', 'keys'], ['contracts', 'contract']] as const) {
      const io = captureIo()
      expect(await main([typed], io)).toBe(2)
      expect(io.err()).toBe(`mock-auth: Unknown command "${typed}": did you mean "${nearest}"? Commands: serve, scenarios, token, contract, keys (see mock-auth --help).\n`)
    }
  })

  it('takes --alg in any case', async () => {
    const { code, io } = await serving(['--alg', 'hs256', '--secret', 'a-shared-secret-of-at-least-32-chars!'], async (url) => {
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      const { accessToken } = (await login.json()) as { accessToken: string }
      expect(JSON.parse(Buffer.from(accessToken.split('.')[0] ?? '', 'base64url').toString()).alg).toBe('HS256')
    })
    expect(code).toBe(0)
    expect(io.out()).toContain('Tokens:   alg HS256, iss https://mock-auth.invalid, aud mock-auth')
  })
})

describe('CLI: stable keys and claims', () => {
  it('--keys FILE creates the file when missing, then a restarted server keeps its JWKS; --issuer and --audience are in the tokens and the banner', async () => {
    const keys = join(dir, 'keys.json')
    const args = ['--keys', keys, '--issuer', 'https://auth.app.test', '--audience', 'my-app']
    let firstJwks: unknown
    let token = ''
    const first = await serving(args, async (url) => {
      firstJwks = await (await fetch(`${url}/.well-known/jwks.json`)).json()
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      token = ((await login.json()) as { accessToken: string }).accessToken
    })
    expect(first.code).toBe(0)
    expect(first.io.out()).toMatch(/Tokens: {3}alg ES256, iss https:\/\/auth\.app\.test, aud my-app \(kid \S+, new key, written to .*keys\.json\)/)
    expect((await stat(keys)).mode & 0o777).toBe(0o600)
    const file = JSON.parse(await readFile(keys, 'utf8')) as { keys: Array<Record<string, unknown>> }
    expect(file.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', d: expect.any(String) })

    const second = await serving(args, async (url) => {
      expect(await (await fetch(`${url}/.well-known/jwks.json`)).json()).toEqual(firstJwks)
      // A token from before the restart still verifies against the restarted server's JWKS and its own /me.
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${url}/.well-known/jwks.json`)), { issuer: 'https://auth.app.test', audience: 'my-app' })
      expect(payload.sub).toBe('user123')
    })
    expect(second.code).toBe(0)
    expect(second.io.out()).toMatch(/\(kid \S+, from .*keys\.json\)/)
  })

  it('mock-auth keys --out FILE writes a set serve --keys uses; it refuses to overwrite; HS256 and stdout work too', async () => {
    const out = join(dir, 'written.json')
    const io = captureIo()
    expect(await main(['keys', '--out', out], io)).toBe(0)
    expect(io.out()).toMatch(/Wrote an ES256 key \(kid (\S+)\) to .*written\.json/)
    const kid = /kid (\S+)\)/.exec(io.out())?.[1]
    const again = captureIo()
    expect(await main(['keys', '--out', out], again)).toBe(1)
    expect(again.err()).toMatch(/already exists/)
    const { io: served } = await serving(['--keys', out], async () => undefined)
    expect(served.out()).toContain(`kid ${kid}, from ${out}`)
    const hs = captureIo()
    expect(await main(['keys', '--alg', 'hs256'], hs)).toBe(0)
    expect(JSON.parse(hs.out()).keys[0]).toMatchObject({ kty: 'oct', alg: 'HS256', k: expect.any(String) })
    const hsFile = join(dir, 'hs.json')
    await writeFile(hsFile, hs.out())
    const { io: hsServed } = await serving(['--keys', hsFile], async (url) => {
      expect(await (await fetch(`${url}/api/auth/jwks`)).json()).toEqual({ keys: [] })
    })
    expect(hsServed.out()).toContain('alg HS256')
    const conflicting = captureIo()
    expect(await main(['serve', '--port', '0', '--keys', hsFile, '--alg', 'ES256'], conflicting)).toBe(1)
    expect(conflicting.err()).toMatch(/holds an HS256 key, but --alg is ES256/)
    const broken = join(dir, 'broken.json')
    await writeFile(broken, '{"keys":[{"kty":"RSA"}]}')
    const bad = captureIo()
    expect(await main(['serve', '--port', '0', '--keys', broken], bad)).toBe(1)
    expect(bad.err()).toMatch(/Invalid keys file .*broken\.json: .*mock-auth keys --out FILE/)
  })
})

describe('CLI: exposure', () => {
  it('warns on stderr when binding beyond loopback, and not on 127.0.0.1', async () => {
    const wide = await serving(['--host', '0.0.0.0'], async () => undefined)
    expect(wide.io.err()).toMatch(/^mock-auth: warning: listening on 0\.0\.0\.0, beyond this machine's loopback: anyone on the network can reach the control API \(reset, token minting, state\)/)
    const local = await serving([], async () => undefined)
    expect(local.io.err()).toBe('')
  })

  it('--allowed-host NAME (repeatable) lets a rebinding-checked name in', async () => {
    await serving(['--allowed-host', 'app.test', '--allowed-host', 'api.test'], async (url) => {
      const port = new URL(url).port
      const { request } = await import('node:http')
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          request({ host: '127.0.0.1', port, path: '/__mock-auth/health', headers: { host } }, (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          })
            .on('error', reject)
            .end()
        })
      expect(await status('app.test')).toBe(200)
      expect(await status(`api.test:${port}`)).toBe(200)
      expect(await status('evil.test')).toBe(403)
    })
  })
})

describe('the built bin: shutdown', () => {
  /** Starts the bin with the `slow` scenario (1 s per answer) and a request in flight. */
  async function slowServer(): Promise<{ child: ReturnType<typeof spawn>; inFlight: Promise<Response>; exited: Promise<{ code: number | null; signal: string | null; at: number }>; out: () => string }> {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--scenario', 'slow'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } })
    let out = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })))
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/)
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
    const inFlight = fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
    // The request has reached the server (its log line comes when it is answered).
    await new Promise((resolve) => setTimeout(resolve, 300))
    return { child, inFlight, exited, out: () => out }
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} lets the request in flight finish, then exits 0`, async () => {
      const { child, inFlight, exited, out } = await slowServer()
      child.kill(signal)
      const res = await inFlight
      expect(res.status).toBe(200)
      expect((await res.json()).message).toBe('Authenticated')
      expect((await exited).code).toBe(0)
      expect(out()).toContain('mock-auth stopped.')
    })
  }

  it('a second signal exits at once, without waiting for the request in flight', async () => {
    const { child, inFlight, exited } = await slowServer()
    const settled = inFlight.then(
      () => 'answered',
      () => 'dropped',
    )
    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = Date.now()
    child.kill('SIGTERM')
    const { at } = await exited
    expect(at - second).toBeLessThan(500)
    expect(await settled).toBe('dropped')
  })
})
