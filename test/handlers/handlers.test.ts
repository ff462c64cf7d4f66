import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, jsonResult } from '../../src/core/index.js'
import { toMswResponse } from '../../handlers/index.js'
import { createHandlers, createMockAuth, isMockAuthError } from '../../src/index.js'
import { restDialect } from '../../src/dialects/index.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const origin = 'http://localhost'
const login = (body: unknown = { username: 'test', password: 'test' }, base = `${origin}/api/auth`) =>
  fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('msw handlers', () => {
  it('has one handler per route path, then the providers` routes, JWKS, then the catch-alls', () => {
    const auth = createMockAuth()
    const paths = auth.handlers.map((h) => h.info.path)
    const oidc = ['/.well-known/openid-configuration', '/authorize', '/token', '/userinfo', '/jwks', '/revoke', '/introspect', '/end-session']
    const github = ['/login/oauth/authorize', '/login/oauth/access_token', '/authorize', '/token', '/user', '/user/emails', '/revoke', '/introspect']
    expect(paths).toEqual([
      '*/api/auth',
      '*/api/auth/login',
      '*/api/auth/session',
      '*/api/auth/logout',
      '*/api/auth/register',
      '*/api/auth/me',
      '*/api/auth/refresh',
      '*/api/auth/jwks',
      '*/api/auth/mfa/verify',
      '*/api/auth/verify-email',
      '*/api/auth/verify-email/resend',
      '*/api/auth/forgot-password',
      '*/api/auth/reset-password',
      '*/api/auth/magic-link',
      '*/api/auth/magic-link/verify',
      '*/api/auth/providers',
      '*/api/auth/signin/:provider',
      '*/api/auth/callback/:provider',
      ...oidc.map((p) => `*/oidc/google${p}`),
      ...github.map((p) => `*/oidc/github${p}`),
      '*/oidc',
      '*/.well-known/jwks.json',
      '*/oidc/google/*',
      '*/oidc/github/*',
      '*/oidc/*',
      '*/api/auth/*',
    ])
    expect(createMockAuth({ providers: false }).handlers.map((h) => h.info.path)).not.toContain('*/oidc/google/token')
  })

  it('keeps every Set-Cookie of a sign-in, both HttpOnly', async () => {
    server.use(...createMockAuth().handlers)
    const res = await login()
    expect(res.status).toBe(200)
    const cookies = res.headers.getSetCookie()
    expect(cookies).toHaveLength(2)
    expect(cookies[0]).toMatch(/^session=[^;]+;.*Path=\/;.*HttpOnly/)
    expect(cookies[1]).toMatch(/^refresh_token=[^;]+;.*Path=\/api\/auth;.*HttpOnly/)
  })

  it('signs in with the cookie pair, refreshes, signs out (cookies cleared)', async () => {
    server.use(...createMockAuth().handlers)
    const pair = (await login()).headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const session = await fetch(`${origin}/api/auth/session`, { headers: { cookie: pair } })
    expect(await session.json()).toMatchObject({ authenticated: true, user: { username: 'test' } })
    const out = await fetch(`${origin}/api/auth/logout`, { method: 'POST', headers: { cookie: pair } })
    expect(await out.json()).toEqual({ message: 'Signed out', revoked: true })
    expect(out.headers.getSetCookie().every((c) => c.includes('Max-Age=0'))).toBe(true)
    const after = await fetch(`${origin}/api/auth/me`, { headers: { cookie: pair } })
    expect(after.status).toBe(401)
    expect((await after.json()).error).toBe('invalid_token')
  })

  it('answers 405 with Allow exactly as the engine does', async () => {
    const auth = createMockAuth()
    server.use(...auth.handlers)
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    for (const [method, path] of [['PUT', '/login'], ['GET', '/refresh'], ['PATCH', ''], ['POST', '/me'], ['DELETE', '/jwks']] as const) {
      const res = await fetch(`${origin}/api/auth${path}`, { method })
      const expected = await engine.dispatch(new Request(`${origin}/api/auth${path}`, { method }), path)
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe(expected.headers.allow)
      expect(await res.json()).toEqual(JSON.parse(expected.body ?? ''))
    }
  })

  it('answers 404 not_found as JSON for an unknown path under the base path', async () => {
    server.use(...createMockAuth().handlers)
    const res = await fetch(`${origin}/api/auth/nope/deeper?x=1`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect((await res.json()).error).toBe('not_found')
  })

  it('serves the JWKS at the origin of an absolute baseUrl only', async () => {
    const auth = createMockAuth({ baseUrl: 'http://app.test:3000/api/auth/' })
    server.use(...auth.handlers)
    const res = await fetch('http://app.test:3000/.well-known/jwks.json')
    expect(res.status).toBe(200)
    const { keys } = (await res.json()) as { keys: Array<{ kid: string }> }
    expect(keys[0]?.kid).toBe((await auth.engine.keys()).kid)
    expect((await login(undefined, 'http://app.test:3000/api/auth')).status).toBe(200)
    await expect(fetch('http://other.test:3000/.well-known/jwks.json')).rejects.toThrow()
  })

  it('lets a user override one route with server.use', async () => {
    server.use(...createMockAuth().handlers)
    server.use(http.get('*/api/auth/me', () => HttpResponse.json({ user: { id: 'stub' } })))
    expect(await (await fetch(`${origin}/api/auth/me`)).json()).toEqual({ user: { id: 'stub' } })
    expect((await fetch(`${origin}/api/auth/session`)).status).toBe(200)
  })

  it('turns the network-error scenario into a rejected fetch', async () => {
    const auth = createMockAuth({ scenario: 'network-error' })
    server.use(...auth.handlers)
    await expect(fetch(`${origin}/api/auth/session`)).rejects.toThrow(TypeError)
    auth.use('default')
    expect((await fetch(`${origin}/api/auth/session`)).status).toBe(200)
  })

  it('waits delayMs before answering (msw delay under fake timers: no wall-clock assertion)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      let settled = false
      const pending = toMswResponse({ ...jsonResult(200, { ok: true }), delayMs: 5_000 }, 'node').then((r) => {
        settled = true
        return r
      })
      await vi.advanceTimersByTimeAsync(4_900)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(200)
      expect((await pending).status).toBe(200)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a delayed scenario still answers normally through fetch', async () => {
    const auth = createMockAuth({ scenarios: [{ name: 'a-bit-slow', description: 'delayed', delay: '20ms' }], scenario: 'a-bit-slow' })
    server.use(...auth.handlers)
    expect(await (await fetch(`${origin}/api/auth/session`)).json()).toEqual({ authenticated: false, user: null })
  })

  it('answers a thrown engine error as JSON server_error, not a crash', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    engine.dispatch = () => Promise.reject(new Error('boom'))
    server.use(...createHandlers(engine))
    const res = await fetch(`${origin}/api/auth/me`)
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'server_error', message: 'mock-auth failed to answer: boom' })
  })

  it('rejects a baseUrl whose path differs from the engine base path', () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios, basePath: '/auth' })
    expect(() => createHandlers(engine, { baseUrl: '*/api/auth' })).toThrow(/create the engine with basePath "\/api\/auth"/)
  })
})

describe('createMockAuth instances', () => {
  it('never share state', async () => {
    const a = createMockAuth()
    const b = createMockAuth()
    await a.signIn('test')
    a.use('expired')
    a.clock.advance('1h')
    expect(a.state().sessions).toHaveLength(1)
    expect(b.state().sessions).toHaveLength(0)
    expect(b.scenario).toBe('default')
    expect(Math.abs(b.clock.now().getTime() - Date.now())).toBeLessThan(60_000)
    expect((await a.engine.keys()).kid).not.toBe((await b.engine.keys()).kid)
  })

  it('use() rejects an unknown scenario, listing the known ones', () => {
    const auth = createMockAuth({ scenarios: [{ name: 'mine', description: 'custom' }] })
    let error: unknown
    try {
      auth.use('nope')
    } catch (e) {
      error = e
    }
    expect(isMockAuthError(error) && error.code).toBe('ERR_UNKNOWN_SCENARIO')
    expect(String(error)).toMatch(/Unknown scenario "nope"\. Known scenarios: default, .*expired.*, mine\./)
    // The name asked for, for callers that must tell which of their names was wrong.
    expect((error as { scenario?: string }).scenario).toBe('nope')
  })

  it('reset() brings back seed users, no sessions, the initial scenario and clock', async () => {
    const auth = createMockAuth({ scenario: 'slow', users: [{ username: 'ann', password: 'pw' }] })
    server.use(...auth.handlers)
    auth.use('default')
    await fetch(`${origin}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"bob","password":"pw"}' })
    auth.clock.set('2031-01-01T00:00:00Z')
    expect(auth.state().users.map((u) => u.username)).toEqual(['ann', 'bob'])
    auth.reset()
    const state = auth.state()
    expect(state.users.map((u) => u.username)).toEqual(['ann'])
    expect(state.sessions).toEqual([])
    expect(auth.scenario).toBe('slow')
    expect(auth.clock.now().getFullYear()).toBe(new Date().getFullYear())
  })

  it('signIn() returns working tokens and headers; mint({expired}) gives token_expired', async () => {
    const auth = createMockAuth()
    server.use(...auth.handlers)
    const signed = await auth.signIn('admin')
    expect(signed.user.username).toBe('admin')
    expect((await fetch(`${origin}/api/auth/me`, { headers: { authorization: signed.headers.authorization } })).status).toBe(200)
    expect((await fetch(`${origin}/api/auth/me`, { headers: { cookie: signed.headers.cookie } })).status).toBe(200)
    const expired = await auth.mint({ user: 'test', expired: true })
    const res = await fetch(`${origin}/api/auth/me`, { headers: { authorization: expired.headers.authorization } })
    expect((await res.json()).error).toBe('token_expired')
    await expect(auth.signIn('ghost')).rejects.toThrow(/Unknown user "ghost"\. Known users: test, admin\./)
  })

  it('clock.advance() expires access tokens issued before', async () => {
    const auth = createMockAuth({ accessTokenTtl: '15m' })
    server.use(...auth.handlers)
    const { headers } = await auth.signIn('test')
    auth.clock.advance('16m')
    expect((await (await fetch(`${origin}/api/auth/me`, { headers })).json()).error).toBe('token_expired')
  })

  it('scope() gives a namespace its own users, sessions, scenario and clock', async () => {
    const auth = createMockAuth()
    const scoped = auth.scope('team-b')
    server.use(...scoped.handlers)
    scoped.use('bad-credentials')
    expect((await login()).status).toBe(401)
    expect(auth.scenario).toBe('default')
    const viaHeader = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mock-auth-namespace': 'default' },
      body: '{"username":"test","password":"test"}',
    })
    expect(viaHeader.status).toBe(200)
    expect(auth.state().sessions).toHaveLength(1)
    expect(scoped.state().sessions).toHaveLength(0)
  })

  it('in Node, a namespace cookie is read from the request itself, never from msw\'s cookie jar', async () => {
    const auth = createMockAuth()
    const scoped = auth.scope('team-b')
    server.use(...scoped.handlers)
    const viaCookie = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'mock-auth-namespace=default' },
      body: '{"username":"test","password":"test"}',
    })
    expect(viaCookie.status).toBe(200)
    expect(auth.state().sessions).toHaveLength(1)
    expect(scoped.state().sessions).toHaveLength(0)
    // The same request without the cookie runs in the scope's namespace.
    expect((await login()).status).toBe(200)
    expect(scoped.state().sessions).toHaveLength(1)
  })
})
