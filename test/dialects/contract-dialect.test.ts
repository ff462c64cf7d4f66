import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, isMockAuthError } from '../../src/core/index.js'
import { compileContract, contractDialect, contractEngineOptions } from '../../src/dialects/contract/index.js'
import { createMockAuth } from '../../src/index.js'
import { createServer } from '../../src/server/index.js'
import { exampleContract } from '../contract/contracts/support.js'

const next = compileContract(exampleContract('nextjs-route.json'))
const jsonServer = compileContract(exampleContract('json-server-auth.json'))

describe('the contract dialect', () => {
  it('answers only its own routes: other paths are not the engine\'s (null), the rest routes are gone', async () => {
    const engine = createEngine({ scenarios: builtinScenarios, ...contractEngineOptions(next, {}) })
    const post = (path: string) => new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
    expect((await engine.fetch(post('/api/auth')))?.status).toBe(200)
    expect(await engine.fetch(post('/api/auth/login'))).toBeNull()
    expect(await engine.fetch(new Request('http://localhost/app/page'))).toBeNull()
    expect((await engine.fetch(new Request('http://localhost/.well-known/jwks.json')))?.status).toBe(200)
    expect(engine.config.basePath).toBe('')
    expect(engine.config.accessTtlMs).toBe(3_600_000)
  })

  it('MSW: one handler per contract route and no catch-all, so the app\'s own handlers still answer', async () => {
    const auth = createMockAuth({ contract: jsonServer })
    const own = http.get('*/posts', () => HttpResponse.json([{ id: 1 }]))
    const server = setupServer(...auth.handlers, own)
    server.listen({ onUnhandledRequest: 'error' })
    try {
      const login = await fetch('http://localhost:3000/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'test@example.com', password: 'test' }) })
      expect(login.status).toBe(200)
      expect(await (await fetch('http://localhost:3000/posts')).json()).toEqual([{ id: 1 }])
      // The identity providers are served whatever the dialect; they answer only under /oidc.
      const paths = auth.handlers.map((h) => String((h.info as { path: unknown }).path)).filter((p) => !p.includes('/oidc'))
      expect(paths).toEqual(['*/login', '*/signin', '*/register', '*/signup', '*/.well-known/jwks.json'])
    } finally {
      server.close()
    }
  })

  it('Express: contract paths are served, others get the JSON 404, the control API stays', async () => {
    const running = await createServer({ contract: jsonServer }).listen({ port: 0 })
    try {
      const login = await fetch(`${running.url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'test@example.com', password: 'nope' }) })
      expect([login.status, await login.json()]).toEqual([400, 'Incorrect password'])
      const other = await fetch(`${running.url}/api/auth/login`, { method: 'POST' })
      expect(other.status).toBe(404)
      expect(await other.json()).toMatchObject({ error: 'not_found' })
      expect((await fetch(`${running.url}/__mock-auth/health`)).status).toBe(200)
    } finally {
      await running.close()
    }
  })

  it('refuses a contract next to a dialect or a base path, and a baseUrl with a path', () => {
    const refused = (fn: () => unknown, message: RegExp) => {
      try {
        fn()
      } catch (error) {
        expect(isMockAuthError(error)).toBe(true)
        expect((error as Error).message).toMatch(message)
        return
      }
      throw new Error('expected a MockAuthError')
    }
    refused(() => createMockAuth({ contract: next, dialect: 'rest' }), /either "contract" or "dialect"/)
    refused(() => createMockAuth({ contract: next, baseUrl: '*/api/auth' }), /With a contract, baseUrl is only the origin/)
    refused(() => createServer({ contract: next, basePath: '/api' }), /"basePath" does not apply with a contract/)
    refused(() => createMockAuth({ contract: { signIn: 'POST auth' } }), /Invalid contract option "contract": "signIn.route" must be/)
  })

  it('a JS function template and token claims reach the wire and the token', async () => {
    const dialect = contractDialect({
      signIn: { route: 'POST /auth/signin', body: ({ accessToken, user }: { accessToken: string; user: { id: string } }) => ({ jwt: accessToken, uid: user.id }) },
      me: { route: 'GET /auth/me', body: { mail: '{{user.email}}' } },
      tokens: { subject: 'email', claims: { tenant: 'acme', roles: '{{user.roles}}' } },
    })
    const engine = createEngine({ scenarios: builtinScenarios, dialect, basePath: '' })
    const res = await engine.fetch(new Request('http://x/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' }))
    const body = JSON.parse(res?.body ?? '{}') as { jwt: string; uid: string }
    expect(body.uid).toBe('user123')
    const claims = JSON.parse(Buffer.from(body.jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({ sub: 'test@example.com', tenant: 'acme', roles: ['user'] })
    const me = await engine.fetch(new Request('http://x/auth/me', { headers: { authorization: `Bearer ${body.jwt}` } }))
    expect(JSON.parse(me?.body ?? '{}')).toEqual({ mail: 'test@example.com' })
  })
})
