// `mock-auth/vitest` and `mock-auth/node`'s createMockAuth build their handlers on msw's narrow
// `http` entry: msw's root index (and through it the whole `graphql` package) is never loaded.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HttpHandler, HttpResponse } from 'msw'
import { beforeAll, describe, expect, it } from 'vitest'
import { nodeMswKit } from '../../src/node/msw-http.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const built = fileURLToPath(new URL('../../dist/src/node/create-mock-auth.js', import.meta.url))

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` may not have, so build once here.
  if (!existsSync(built)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}, 120_000)

/** A resolve hook printing every module URL the child loads, one per stderr line. */
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write('LOADED ' + r.url + '\\\\n'); return r }"))`,
)}`

describe('the Node entries load msw lightly', () => {
  it("use msw's own HttpHandler class (the one its root index exports), so msw's checks hold", () => {
    expect(nodeMswKit.HttpHandler).toBe(HttpHandler)
    expect(nodeMswKit.HttpResponse).toBeUndefined()
    expect(HttpResponse).toBeDefined()
  })

  it("sign in through setupServer without loading msw's root index or graphql", () => {
    const script = `
      import { setupServer } from 'msw/node'
      const { createMockAuth } = await import(${JSON.stringify(built)})
      const auth = createMockAuth()
      const server = setupServer(...auth.handlers)
      server.listen({ onUnhandledRequest: 'error' })
      const res = await fetch('http://app.test/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      const { accessToken } = await res.json()
      const me = await fetch('http://app.test/api/auth/me', { headers: { authorization: 'Bearer ' + accessToken } })
      const gone = await fetch('http://app.test/api/auth/session', { headers: { 'x-mock-auth-scenario': 'network-error' } }).then(() => 'answered', () => 'network error')
      server.close()
      console.log(JSON.stringify({ signIn: res.status, me: me.status, gone }))
    `
    const child = spawnSync(process.execPath, ['--import', HOOK, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
    expect(child.status, child.stderr).toBe(0)
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1)!)).toEqual({ signIn: 200, me: 200, gone: 'network error' })
    const loaded = child.stderr.split('\n').filter((line) => line.startsWith('LOADED ')).map((line) => line.slice(7))
    expect(loaded.some((url) => url.includes('/msw/lib/core/http.mjs'))).toBe(true) // the hook saw msw load
    expect(loaded.filter((url) => url.includes('/node_modules/graphql/') || url.endsWith('/msw/lib/core/index.mjs'))).toEqual([])
  })
})

describe('the Node entries build the engine on first use', () => {
  /**
   * Runs `script` as a module in a child Node with the resolve hook; returns its JSON line and
   * our modules it loaded: those `import` resolved (the hook) and those `require()` loaded
   * (require(esm) goes through the CommonJS loader, which the hook does not see: its cache does).
   */
  function child(script: string): { out: unknown; ours: string[] } {
    const cache = `\nconsole.log(JSON.stringify(Object.keys((await import('node:module')).createRequire(import.meta.url).cache)))`
    const result = spawnSync(process.execPath, ['--import', HOOK, '--input-type=module', '-e', script + cache], { cwd: root, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    const lines = result.stdout.trim().split('\n')
    const required = (JSON.parse(lines.at(-1)!) as string[]).map((path) => `file://${path}`)
    const loaded = result.stderr.split('\n').filter((line) => line.startsWith('LOADED ')).map((line) => line.slice(7))
    return { out: JSON.parse(lines.at(-2)!), ours: [...new Set([...loaded, ...required].filter((url) => url.includes('/dist/')))] }
  }
  const create = `const { createNodeMockAuth } = await import(${JSON.stringify(built)})`

  it('set up and never used, an instance has its handlers and has not loaded the engine', () => {
    const { out, ours } = child(`
      import { setupServer } from 'msw/node'
      ${create}
      const { auth, built } = createNodeMockAuth()
      setupServer(...auth.handlers)
      console.log(JSON.stringify({ handlers: auth.handlers.length, built: built() }))
    `)
    expect(out).toEqual({ handlers: 40, built: false })
    expect(ours.filter((url) => /\/dist\/src\/(core\/(engine|kernel|config|state|store)|dialects|providers)\b|\/dist\/scenarios\/|engine-parts/.test(url))).toEqual([])
    expect(ours.length).toBeLessThanOrEqual(30) // 24 when written; 110 when the engine loaded at setup
  })

  it('a synchronous control call first loads the engine at once (require(esm)), and requests see it', () => {
    const { out, ours } = child(`
      import { setupServer } from 'msw/node'
      ${create}
      const { auth, built } = createNodeMockAuth()
      const server = setupServer(...auth.handlers)
      server.listen({ onUnhandledRequest: 'error' })
      const before = built()
      const used = auth.use('bad-credentials').name
      const now = built()
      const res = await fetch('http://app.test/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      server.close()
      console.log(JSON.stringify({ before, used, now, status: res.status, scenario: auth.scenario }))
    `)
    expect(out).toEqual({ before: false, used: 'bad-credentials', now: true, status: 401, scenario: 'bad-credentials' })
    // require(esm) lists only the module it was asked for; its own imports load inside it.
    expect(ours).toContain(`file://${root}dist/src/node/engine-parts.js`)
  })

  it('a request first builds it in the handler; options that need checking build it at once and throw there', () => {
    const { out } = child(`
      import { setupServer } from 'msw/node'
      ${create}
      const { auth, built } = createNodeMockAuth({ baseUrl: 'http://localhost:3000/api/auth' })
      const server = setupServer(...auth.handlers)
      server.listen({ onUnhandledRequest: 'error' })
      const res = await fetch('http://localhost:3000/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      server.close()
      let thrown
      try { createNodeMockAuth({ journalSize: -1 }) } catch (error) { thrown = error.code }
      console.log(JSON.stringify({ status: res.status, built: built(), sessions: auth.state().sessions.length, thrown }))
    `)
    expect(out).toEqual({ status: 200, built: true, sessions: 1, thrown: 'ERR_INVALID_OPTIONS' })
  })
})
