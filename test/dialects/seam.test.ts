import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, jsonResult, passwordSignIn, type Dialect, type Protocol } from '../../src/core/index.js'
import { resolveDialect, restDialect } from '../../src/dialects/index.js'
import { createMockAuth, isMockAuthError } from '../../src/index.js'
import { createServer } from '../../src/server/index.js'

/**
 * The protocol seam, with a dialect and a provider written here: a route table and codec injected
 * into the engine, scenarios applied per operation by the engine, handlers generated from the table.
 */
const tiny: Dialect = {
  name: 'tiny',
  routes: {
    '/signin/:provider': {
      POST: {
        operation: 'signIn',
        handle: async (ctx) => {
          const outcome = passwordSignIn(ctx, { login: 'test', password: ctx.params.provider === 'good' ? 'test' : 'nope' })
          return outcome.ok ? jsonResult(200, { via: ctx.params.provider, user: outcome.user.id }) : jsonResult(401, { tiny: outcome.error })
        },
      },
    },
    '/whoami': { GET: { operation: 'session', handle: async () => jsonResult(200, { tiny: true }) } },
    '/plumbing': { GET: { handle: async () => jsonResult(200, { plumbing: true }) } },
  },
  encodeError: (error, ctx) => jsonResult(error.code === 'not_found' ? 404 : 418, { tinyError: error.code, operation: ctx.operation ?? null }, error.headers),
}

const provider: Protocol = {
  name: 'fake-idp',
  routes: { '/token': { POST: { operation: 'refresh', handle: async () => jsonResult(200, { idp: 'token' }) } } },
  encodeError: (error) => jsonResult(400, { idp: error.code }),
}

const engine = () => createEngine({ dialect: tiny, protocols: [{ path: '/oidc/fake', protocol: provider }], scenarios: builtinScenarios })
const post = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: 'POST', headers })

describe('the protocol seam', () => {
  it('routes by the injected table, params included, and 404s through the dialect codec', async () => {
    const e = engine()
    expect(JSON.parse((await e.fetch(post('http://x/api/auth/signin/good')))!.body!)).toEqual({ via: 'good', user: 'user123' })
    expect((await e.fetch(post('http://x/api/auth/signin/bad')))!.status).toBe(401)
    const missing = (await e.fetch(new Request('http://x/api/auth/login')))!
    expect([missing.status, JSON.parse(missing.body!)]).toEqual([404, { tinyError: 'not_found', operation: null }])
    const wrongMethod = (await e.fetch(new Request('http://x/api/auth/whoami', { method: 'DELETE' })))!
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([418, 'GET, HEAD, OPTIONS'])
  })

  it('applies a scenario to the operation, encoded by the dialect, in every protocol', async () => {
    const e = engine()
    const canned = (await e.fetch(post('http://x/api/auth/signin/good', { 'x-mock-auth-scenario': 'locked' })))!
    expect(JSON.parse(canned.body!)).toEqual({ tinyError: 'account_locked', operation: 'signIn' })
    const all = (await e.fetch(post('http://x/oidc/fake/token', { 'x-mock-auth-scenario': 'server-error' })))!
    expect(JSON.parse(all.body!)).toEqual({ idp: 'server_error' })
    // A route that is no operation is plumbing: `respond['*']` leaves it alone, a dropped connection does not.
    expect(JSON.parse((await e.fetch(new Request('http://x/api/auth/plumbing', { headers: { 'x-mock-auth-scenario': 'server-error' } })))!.body!)).toEqual({ plumbing: true })
    expect((await e.fetch(new Request('http://x/api/auth/plumbing', { headers: { 'x-mock-auth-scenario': 'network-error' } })))!.networkError).toBe(true)
    const dropped = (await e.fetch(post('http://x/oidc/fake/token', { 'x-mock-auth-scenario': 'network-error' })))!
    expect(dropped.networkError).toBe(true)
    expect(JSON.parse((await e.fetch(post('http://x/oidc/fake/token')))!.body!)).toEqual({ idp: 'token' })
    expect((await e.fetch(post('http://x/oidc/fake/nope')))!.status).toBe(400)
    expect(await e.fetch(post('http://x/elsewhere'))).toBeNull()
  })

  it('refuses an engine without a dialect, and an unknown dialect name everywhere, listing the known ones', () => {
    expect(() => createEngine({ scenarios: builtinScenarios } as never)).toThrow(/needs a `dialect`/)
    const known = /Unknown dialect "soap"\. Known dialects: rest, next-auth, authjs, better-auth\./
    expect(() => resolveDialect('soap' as never)).toThrow(known)
    expect(() => createMockAuth({ dialect: 'soap' as never })).toThrow(known)
    expect(() => createServer({ dialect: 'soap' as never })).toThrow(known)
    try {
      createMockAuth({ dialect: 'soap' as never })
    } catch (error) {
      expect(isMockAuthError(error) && error.code).toBe('ERR_INVALID_OPTIONS')
    }
    expect(resolveDialect(undefined)).toBe(restDialect)
    expect(resolveDialect(tiny)).toBe(tiny)
  })

  describe('msw handlers generated from the injected tables', () => {
    const auth = createMockAuth({ dialect: tiny, providers: false, protocols: [{ path: '/oidc/fake', protocol: provider }] })
    const server = setupServer(...auth.handlers)
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('has one handler per route of each table, the JWKS and one catch-all per mount', () => {
      expect(auth.handlers.map((h) => h.info.path)).toEqual([
        '*/api/auth/signin/:provider',
        '*/api/auth/whoami',
        '*/api/auth/plumbing',
        '*/oidc/fake/token',
        '*/.well-known/jwks.json',
        '*/oidc/fake/*',
        '*/api/auth/*',
      ])
    })

    it('answers a param route, a provider route and the 404s', async () => {
      expect(await (await fetch('http://localhost/api/auth/signin/good', { method: 'POST' })).json()).toEqual({ via: 'good', user: 'user123' })
      expect(await (await fetch('http://localhost/oidc/fake/token', { method: 'POST' })).json()).toEqual({ idp: 'token' })
      expect((await fetch('http://localhost/oidc/fake/x')).status).toBe(400)
      expect((await fetch('http://localhost/api/auth/signin/a/b', { method: 'POST' })).status).toBe(404)
      expect((await fetch('http://localhost/.well-known/jwks.json')).status).toBe(200)
    })
  })
})
