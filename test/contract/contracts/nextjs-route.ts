import { expect } from 'vitest'
import { cookieAttributes, cookieValue, send } from '../client.js'
import type { Transport } from '../transport.js'
import { expiresOf, JWT, setCookie, verifyWithJwks, type ContractCase } from './support.js'

const AUTH = '/api/auth'
const TEST = { username: 'test', password: 'test' }

async function signIn(t: Transport): Promise<string> {
  const res = await send(t, 'POST', AUTH, { json: TEST })
  expect(res.status).toBe(200)
  return cookieValue(res, 'session') ?? ''
}

/** The seed's app/api/auth/route.ts, exactly: one path, three methods, the JWT in an HttpOnly cookie. */
export const nextjsRouteCases: ContractCase[] = [
  {
    name: 'POST /api/auth answers { message: "Authenticated" } and an HttpOnly session cookie holding the JWT for an hour',
    async run({ t, see }) {
      const before = Date.now()
      const res = see('sign in', await send(t, 'POST', AUTH, { json: TEST }))
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ message: 'Authenticated' })
      expect(res.headers['content-type']).toBe('application/json')
      expect(res.cookies).toHaveLength(1)
      const jwt = cookieValue(res, 'session') ?? ''
      expect(jwt).toMatch(JWT)
      expect(cookieAttributes(res, 'session')).toEqual({ path: '/', expires: expect.any(String), httponly: true, samesite: 'Lax' })
      // An hour's Expires, whole seconds (RFC 6265 §5.1.1 dates have no milliseconds).
      const expires = expiresOf(setCookie(res, 'session'))
      expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000 - 1000)
      expect(expires).toBeLessThanOrEqual(Date.now() + 3_600_000)
      const claims = await verifyWithJwks(t, jwt)
      expect(claims).toMatchObject({ sub: 'user123', username: 'test', email: 'test@example.com' })
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
    },
  },
  {
    name: 'bad credentials: 401 { error: "Invalid credentials" } and no cookie',
    async run({ t, see }) {
      for (const body of [{ username: 'test', password: 'nope' }, { username: 'ghost', password: 'test' }]) {
        const res = see(`bad ${body.username}`, await send(t, 'POST', AUTH, { json: body }))
        expect(res.status).toBe(401)
        expect(res.body).toEqual({ error: 'Invalid credentials' })
        expect(res.cookies).toEqual([])
      }
      const form = see('form sign in', await send(t, 'POST', AUTH, { body: 'username=admin&password=admin', type: 'application/x-www-form-urlencoded' }))
      expect(form.body).toEqual({ message: 'Authenticated' })
    },
  },
  {
    name: 'GET /api/auth is the session status: signed out, then signed in by the cookie only',
    async run({ t, see }) {
      const anon = see('status signed out', await send(t, 'GET', AUTH))
      expect(anon.status).toBe(200)
      expect(anon.body).toEqual({ authenticated: false, user: null })
      const jwt = await signIn(t)
      const status = see('status signed in', await send(t, 'GET', AUTH, { cookies: { session: jwt } }))
      expect(status.status).toBe(200)
      expect(status.body).toEqual({
        authenticated: true,
        user: { id: 'user123', username: 'test', email: 'test@example.com', name: 'Test User', roles: ['user'] },
        expiresAt: expect.stringMatching(/^\d{4}-/),
      })
      // The seed reads the cookie only: a bearer token is not a session here.
      expect(see('status by bearer', await send(t, 'GET', AUTH, { bearer: jwt })).body).toEqual({ authenticated: false, user: null })
      const forged = see('status forged', await send(t, 'GET', AUTH, { cookies: { session: `${jwt.slice(0, -4)}AAAA` } }))
      expect(forged.status).toBe(401)
      expect(forged.body).toEqual({ error: 'The token signature is invalid.' })
    },
  },
  {
    name: 'DELETE /api/auth answers { message: "Signed out" }, expires the cookie and ends the session',
    async run({ t, see }) {
      const jwt = await signIn(t)
      const out = see('sign out', await send(t, 'DELETE', AUTH, { cookies: { session: jwt } }))
      expect(out.status).toBe(200)
      expect(out.body).toEqual({ message: 'Signed out' })
      expect(out.cookies).toEqual(['session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax'])
      const after = see('status after sign out', await send(t, 'GET', AUTH, { cookies: { session: jwt } }))
      expect(after.status).toBe(401)
      expect(after.body).toEqual({ error: 'The session has been signed out or revoked.' })
      expect(see('sign out again', await send(t, 'DELETE', AUTH)).body).toEqual({ message: 'Signed out' })
    },
  },
  {
    name: 'scenarios apply unchanged: expired, locked, rate-limited, server-error, network-error',
    async run({ t, see }) {
      await t.control.use('expired')
      const jwt = await signIn(t)
      const expired = see('expired status', await send(t, 'GET', AUTH, { cookies: { session: jwt } }))
      expect(expired.status).toBe(401)
      expect(expired.body).toEqual({ error: 'The access token has expired. Refresh it or sign in again.' })
      await t.control.use('locked')
      const locked = see('locked', await send(t, 'POST', AUTH, { json: TEST }))
      expect([locked.status, locked.body]).toEqual([423, { error: 'This account is locked.' }])
      await t.control.use('rate-limited')
      const limited = see('rate-limited', await send(t, 'POST', AUTH, { json: TEST }))
      expect([limited.status, limited.headers['retry-after'], limited.body]).toEqual([429, '30', { error: 'Too many attempts. Try again later.' }])
      await t.control.use('server-error')
      expect(see('server-error status', await send(t, 'GET', AUTH)).status).toBe(500)
      expect(see('server-error jwks', await send(t, 'GET', '/.well-known/jwks.json')).status).toBe(200)
      await t.control.use('network-error')
      expect(see('network-error', await send(t, 'POST', AUTH, { json: TEST })).networkError).toBe(true)
      await t.control.use('default')
      expect(see('bad-credentials header', await send(t, 'POST', AUTH, { json: TEST, headers: { 'x-mock-auth-scenario': 'bad-credentials' } })).body).toEqual({ error: 'Invalid credentials' })
    },
  },
  {
    name: 'a wrong method gets 405 with Allow, bad bodies their 4xx, all in the contract error shape',
    async run({ t, see }) {
      const put = see('405', await send(t, 'PUT', AUTH))
      expect(put.status).toBe(405)
      expect(put.headers.allow).toBe('POST, GET, HEAD, DELETE, OPTIONS')
      expect(put.body).toEqual({ error: expect.stringContaining('PUT is not allowed') })
      const options = see('options', await send(t, 'OPTIONS', AUTH))
      expect([options.status, options.headers.allow]).toEqual([204, 'POST, GET, HEAD, DELETE, OPTIONS'])
      const missing = see('missing password', await send(t, 'POST', AUTH, { json: { username: 'test' } }))
      expect([missing.status, missing.body]).toEqual([400, { error: 'Send "username" or "email" and "password".' }])
      expect(see('415', await send(t, 'POST', AUTH, { body: 'x', type: 'text/plain' })).status).toBe(415)
      expect(see('bad json', await send(t, 'POST', AUTH, { json: '{"username":' })).body).toEqual({ error: 'The request body is not valid JSON.' })
      expect(see('413', await send(t, 'POST', AUTH, { json: { username: 'test', password: 'x'.repeat(101 * 1024) } })).status).toBe(413)
      expect((await send(t, 'POST', AUTH, { json: TEST })).status).toBe(200)
    },
  },
]
