import { builtinScenarioNames } from '../../scenarios/index.js'
import { CONTRACT_SCENARIOS } from './cases.js'
import { expect } from 'vitest'
import { BASE, cookieValue, send, signIn } from './client.js'
import { expectError, invalidChallenge, type ContractCase } from './expect-error.js'

/** Every built-in scenario, the clock, per-request overrides and namespaces. */
export const scenarioCases: ContractCase[] = [
  {
    name: 'scenario default and bad-credentials',
    async run({ t, see }) {
      await t.control.use('bad-credentials')
      expectError(see('bad-credentials', await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'test' } })), 401, 'invalid_credentials')
      await t.control.use('default')
      expect((await signIn(t)).res.status).toBe(200)
    },
  },
  {
    name: 'scenario expired: 401 token_expired on /me and /session, then refresh gives a working token',
    async run({ t, see }) {
      await t.control.use('expired')
      const s = await signIn(t)
      expect(s.body.expiresIn).toBeLessThan(0)
      for (const path of [`${BASE}/me`, `${BASE}/session`, BASE]) {
        const res = see(`expired ${path}`, await send(t, 'GET', path, { cookies: { session: s.access } }))
        expectError(res, 401, 'token_expired')
        expect(res.headers['www-authenticate']).toBe('Bearer realm="mock-auth", error="invalid_token", error_description="The access token has expired."')
      }
      const refreshed = see('expired refresh', await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } }))
      expect(refreshed.status).toBe(200)
      expect((refreshed.body as { expiresIn: number }).expiresIn).toBe(900)
      const me = see('expired me after refresh', await send(t, 'GET', `${BASE}/me`, { cookies: { session: cookieValue(refreshed, 'session') ?? '' } }))
      expect(me.status).toBe(200)
    },
  },
  {
    name: 'scenario refresh-expired: refresh fails with refresh_token_expired',
    async run({ t, see }) {
      await t.control.use('refresh-expired')
      const s = await signIn(t)
      expectError(await send(t, 'GET', `${BASE}/me`, { bearer: s.access }), 401, 'token_expired')
      const res = see('refresh-expired refresh', await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } }))
      expectError(res, 401, 'refresh_token_expired')
      expect(res.headers['www-authenticate']).toEqual(invalidChallenge)
    },
  },
  {
    name: 'scenario short-lived: 10 second tokens that expire when the clock moves',
    async run({ t, see }) {
      await t.control.use('short-lived')
      const s = await signIn(t)
      expect(s.body.expiresIn).toBe(10)
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: s.access })).status).toBe(200)
      await t.control.advance('11s')
      expectError(see('short-lived later', await send(t, 'GET', `${BASE}/me`, { bearer: s.access })), 401, 'token_expired')
    },
  },
  {
    name: 'the clock: a default token expires after 15 minutes; refresh still works',
    async run({ t, see }) {
      const s = await signIn(t)
      await t.control.advance('14m')
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: s.access })).status).toBe(200)
      await t.control.advance('2m')
      expectError(see('clock expired', await send(t, 'GET', `${BASE}/me`, { bearer: s.access })), 401, 'token_expired')
      const refreshed = await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: s.refresh } })
      expect(refreshed.status).toBe(200)
      // Refresh tokens live 7 days by default.
      await t.control.advance('169h')
      const late = see('clock refresh expired', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: (refreshed.body as { refreshToken: string }).refreshToken } }))
      expectError(late, 401, 'refresh_token_expired')
    },
  },
  {
    name: 'scenarios locked and rate-limited (429 with Retry-After in seconds)',
    async run({ t, see }) {
      await t.control.use('locked')
      expectError(see('locked', await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'test' } })), 423, 'account_locked')
      await t.control.use('rate-limited')
      const limited = see('rate-limited', await send(t, 'POST', BASE, { json: { username: 'test', password: 'test' } }))
      expectError(limited, 429, 'rate_limited')
      expect(limited.headers['retry-after']).toBe('30')
      expect(limited.body).toMatchObject({ retryAfter: 30 })
      expect((await send(t, 'GET', `${BASE}/session`)).status).toBe(200)
    },
  },
  {
    name: 'scenarios server-error and unavailable: every route but the JWKS',
    async run({ t, see }) {
      for (const [scenario, status, error] of [['server-error', 500, 'server_error'], ['unavailable', 503, 'service_unavailable']] as const) {
        await t.control.use(scenario)
        for (const [method, path] of [['POST', `${BASE}/login`], ['GET', `${BASE}/session`], ['GET', `${BASE}/me`], ['POST', `${BASE}/refresh`], ['POST', `${BASE}/logout`], ['POST', `${BASE}/register`]] as const) {
          expectError(see(`${scenario} ${method} ${path}`, await send(t, method, path, method === 'GET' ? {} : { json: {} })), status, error)
        }
        expect(see(`${scenario} jwks`, await send(t, 'GET', `${BASE}/jwks`)).status).toBe(200)
        expect((await send(t, 'GET', '/.well-known/jwks.json')).status).toBe(200)
      }
    },
  },
  {
    name: 'scenario slow delays answers (a short custom delay, and the built-in 1 s once)',
    async run({ t, see }) {
      await t.control.use('quick-slow')
      let started = performance.now()
      const res = see('quick-slow', await send(t, 'GET', `${BASE}/session`))
      expect(performance.now() - started).toBeGreaterThanOrEqual(55)
      expect(res.body).toEqual({ authenticated: false, user: null })
      await t.control.use('slow')
      started = performance.now()
      expect((await signIn(t)).res.status).toBe(200)
      expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    },
  },
  {
    name: 'scenario network-error drops the connection under the base path only',
    async run({ t, see }) {
      await t.control.use('network-error')
      for (const [method, path] of [['GET', `${BASE}/session`], ['POST', `${BASE}/login`], ['GET', `${BASE}/jwks`]] as const) {
        const res = see(`network-error ${path}`, await send(t, method, path, method === 'POST' ? { json: { username: 'test', password: 'test' } } : {}))
        expect(res.networkError, path).toBe(true)
      }
      expect(see('network-error well-known', await send(t, 'GET', '/.well-known/jwks.json')).status).toBe(200)
    },
  },
  {
    name: 'every built-in scenario can be selected per request by header or cookie; unknown names 400',
    async run({ t, see }) {
      const login = { json: { username: 'test', password: 'test' } }
      expectError(see('header locked', await send(t, 'POST', `${BASE}/login`, { ...login, headers: { 'x-mock-auth-scenario': 'locked' } })), 423, 'account_locked')
      expectError(see('cookie locked', await send(t, 'POST', `${BASE}/login`, { ...login, cookies: { 'mock-auth-scenario': 'locked' } })), 423, 'account_locked')
      // The namespace's own scenario is untouched by the override.
      expect((await signIn(t)).res.status).toBe(200)
      const unknown = see('header unknown', await send(t, 'GET', `${BASE}/session`, { headers: { 'x-mock-auth-scenario': 'nope' } }))
      expectError(unknown, 400, 'unknown_scenario')
      expect((unknown.body as { message: string }).message).toBe(`Unknown scenario "nope". Known scenarios: ${[...builtinScenarioNames, ...CONTRACT_SCENARIOS.map((s) => s.name)].join(', ')}.`)
      for (const name of builtinScenarioNames.filter((n) => n !== 'slow')) {
        const res = await send(t, 'GET', '/.well-known/jwks.json', { headers: { 'x-mock-auth-scenario': name } })
        expect(res.status, name).toBe(200)
      }
    },
  },
  {
    name: 'namespaces isolate users, sessions and scenarios of two clients',
    async run({ t, see }) {
      const a = { 'x-mock-auth-namespace': `a-${crypto.randomUUID()}` }
      const b = { 'x-mock-auth-namespace': `b-${crypto.randomUUID()}` }
      const created = see('ns register', await send(t, 'POST', `${BASE}/register`, { json: { username: 'only-in-a', password: 'pw' }, headers: a }))
      expect(created.status).toBe(201)
      expectError(see('ns other login', await send(t, 'POST', `${BASE}/login`, { json: { username: 'only-in-a', password: 'pw' }, headers: b })), 401, 'invalid_credentials')
      const token = (created.body as { accessToken: string }).accessToken
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: token, headers: a })).status).toBe(200)
      expectError(see('ns other me', await send(t, 'GET', `${BASE}/me`, { bearer: token, headers: b })), 401, 'invalid_token')
      const byCookie = await send(t, 'GET', `${BASE}/me`, { cookies: { session: token, 'mock-auth-namespace': a['x-mock-auth-namespace'] } })
      expect(byCookie.status).toBe(200)
      // The default namespace's scenario does not reach the others.
      await t.control.use('locked')
      expect((await signIn(t, 'test', 'test', b)).res.status).toBe(200)
      expectError(await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'test' } }), 423, 'account_locked')
    },
  },
  {
    name: 'reset brings back the seeded users, no sessions and the initial scenario',
    async run({ t }) {
      const s = await signIn(t)
      await send(t, 'POST', `${BASE}/register`, { json: { username: 'temp', password: 'pw' } })
      await t.control.use('locked')
      await t.control.reset()
      expectError(await send(t, 'GET', `${BASE}/me`, { bearer: s.access }), 401, 'invalid_token')
      expectError(await send(t, 'POST', `${BASE}/login`, { json: { username: 'temp', password: 'pw' } }), 401, 'invalid_credentials')
      expect((await signIn(t)).res.status).toBe(200)
    },
  },
]
