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
