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
