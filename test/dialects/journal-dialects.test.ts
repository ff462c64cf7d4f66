import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, type AuthResult } from '../../src/core/index.js'
import { resolveDialect } from '../../src/dialects/index.js'

const ORIGIN = 'http://localhost:3000'

/** The journal, failNext and per-user scenarios over another dialect: the engine records them whatever the wire. */
describe('journal and deterministic failures over the better-auth dialect', () => {
  const engine = () => createEngine({ dialect: resolveDialect('better-auth'), scenarios: builtinScenarios, users: [
    { id: 'user123', username: 'test', email: 'test@example.com', password: 'test' },
    { id: 'locked1', username: 'locked', email: 'locked@example.com', password: 'x', scenario: 'locked' },
  ] })
  const call = async (e: ReturnType<typeof engine>, path: string, body?: unknown, cookie?: string) =>
    (await e.fetch(new Request(`${ORIGIN}/api/auth${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie === undefined ? {} : { cookie }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }))) as AuthResult

  it('records operation, the core error code and the user; failNext and a user scenario answer in better-auth form', async () => {
    const e = engine()
    expect((await call(e, '/sign-in/email', { email: 'test@example.com', password: 'nope' })).status).toBe(401)
    const ok = await call(e, '/sign-in/email', { email: 'test@example.com', password: 'test' })
    expect(ok.status).toBe(200)
    const cookie = ok.cookies.map((c) => c.split(';', 1)[0]).join('; ')
    expect((await call(e, '/get-session', undefined, cookie)).status).toBe(200)
    e.namespace().failNext('signIn', { error: 'server_error' })
    expect((await call(e, '/sign-in/email', { email: 'test@example.com', password: 'test' })).status).toBe(500)
    const locked = await call(e, '/sign-in/email', { email: 'locked@example.com', password: 'x' })
    expect([locked.status, JSON.parse(locked.body ?? '{}').code]).toEqual([403, 'BANNED_USER'])
    expect(e.namespace().journal.entries().map(({ operation, status, error, user, scenario }) => ({ operation, status, error, user, scenario }))).toEqual([
      { operation: 'signIn', status: 401, error: 'invalid_credentials', user: null, scenario: 'default' },
      { operation: 'signIn', status: 200, error: null, user: 'user123', scenario: 'default' },
      { operation: 'session', status: 200, error: null, user: 'user123', scenario: 'default' },
      { operation: 'signIn', status: 500, error: 'server_error', user: null, scenario: 'default' },
      { operation: 'signIn', status: 403, error: 'account_locked', user: 'locked1', scenario: 'locked' },
    ])
  })
})

/** docs/dialects.md: an unknown scenario is no operation's error, so every dialect answers mock-auth's JSON. */
describe('an unknown scenario in every dialect', () => {
  const routes: Record<'next-auth' | 'authjs' | 'better-auth' | 'rest', Array<[string, string]>> = {
    'next-auth': [['GET', '/session'], ['POST', '/callback/credentials'], ['POST', '/signout']],
    authjs: [['GET', '/session'], ['POST', '/callback/credentials'], ['POST', '/signout']],
    'better-auth': [['GET', '/get-session'], ['POST', '/sign-in/email']],
    rest: [['GET', '/session'], ['POST', '/login']],
  }
  for (const [dialect, calls] of Object.entries(routes) as Array<[keyof typeof routes, Array<[string, string]>]>) {
    it(`${dialect}: 400 unknown_scenario with the known scenarios, never a failed sign-in`, async () => {
      const engine = createEngine({ dialect: resolveDialect(dialect, { secret: 's' }), scenarios: builtinScenarios })
      for (const [method, path] of calls) {
        const form = path.startsWith('/callback') || path === '/signout'
        const res = (await engine.fetch(new Request(`${ORIGIN}/api/auth${path}`, {
          method,
          headers: { 'x-mock-auth-scenario': 'nope', ...(method === 'POST' ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } : {}) },
          ...(method === 'POST' ? { body: form ? 'csrfToken=x&username=test&password=test' : '{"username":"test","email":"test@example.com","password":"test"}' } : {}),
        }))) as AuthResult
        expect(res.status, `${method} ${path}`).toBe(400)
        // better-auth's client reads every error as { code, message } (its own 404s too): that shape, upper-case.
        const code = dialect === 'better-auth' ? { code: 'UNKNOWN_SCENARIO' } : { error: 'unknown_scenario' }
        expect(JSON.parse(res.body ?? 'null'), `${method} ${path}`).toMatchObject({ ...code, message: expect.stringContaining('Known scenarios: default'), scenarios: expect.arrayContaining(['expired']) })
      }
    })
  }
})
