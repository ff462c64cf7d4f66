import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose'
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '../../src/core/index.js'
import { expect } from 'vitest'
import { BASE, cookieAttributes, cookieValue, send, signIn } from './client.js'
import { CHALLENGE, expectError, invalidChallenge, type ContractCase } from './expect-error.js'

const HS_SECRET = 'contract-suite-shared-secret-0123456789'

/** Each route of the HTTP contract: bodies, cookies, rotation, revocation, keys. */
export const routeCases: ContractCase[] = [
  {
    name: 'sign-in answers tokens, the user and two HttpOnly cookies',
    async run({ t, see }) {
      const res = see('login', await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'test' } }))
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.body).toEqual({
        message: 'Authenticated',
        user: { id: 'user123', username: 'test', email: 'test@example.com', name: 'Test User', roles: ['user'] },
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        refreshTokenExpiresAt: expect.any(String),
      })
      expect(JSON.stringify(res.body)).not.toContain('password')
      expect(cookieValue(res, 'session')).toBe((res.body as { accessToken: string }).accessToken)
      expect(cookieValue(res, 'refresh_token')).toBe((res.body as { refreshToken: string }).refreshToken)
      expect(cookieAttributes(res, 'session')).toEqual({ 'max-age': '604800', path: '/', httponly: true, samesite: 'Lax' })
      expect(cookieAttributes(res, 'refresh_token')).toEqual({ 'max-age': '604800', path: '/api/auth', httponly: true, samesite: 'Lax' })
    },
  },
  {
    name: 'sign-in on POST /api/auth with a form body, and by email',
    async run({ t, see }) {
      const form = see('form login', await send(t, 'POST', BASE, { body: 'username=admin&password=admin', type: 'application/x-www-form-urlencoded' }))
      expect(form.status).toBe(200)
      expect(form.body).toMatchObject({ message: 'Authenticated', user: { id: 'admin1', roles: ['admin', 'user'] } })
      const byEmail = see('email login', await send(t, 'POST', `${BASE}/login`, { json: { email: 'test@example.com', password: 'test' } }))
      expect(byEmail.body).toMatchObject({ user: { id: 'user123' } })
    },
  },
  {
    name: 'a wrong password or unknown user gets 401 invalid_credentials',
    async run({ t, see }) {
      const wrong = see('wrong password', await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'nope' } }))
      expectError(wrong, 401, 'invalid_credentials')
      expect(wrong.cookies).toEqual([])
      const ghost = see('unknown user', await send(t, 'POST', `${BASE}/login`, { json: { username: 'ghost', password: 'test' } }))
      expect(ghost.body).toEqual(wrong.body)
    },
  },
  {
    name: 'session: 200 signed out, 200 with a cookie or a bearer token',
    async run({ t, see }) {
      for (const path of [BASE, `${BASE}/session`]) {
        const anon = see(`anon ${path}`, await send(t, 'GET', path))
        expect(anon.status).toBe(200)
        expect(anon.body).toEqual({ authenticated: false, user: null })
      }
      const { access } = await signIn(t)
      const byCookie = see('session by cookie', await send(t, 'GET', `${BASE}/session`, { cookies: { session: access } }))
      expect(byCookie.body).toEqual({ authenticated: true, user: expect.objectContaining({ id: 'user123' }), expiresAt: expect.any(String) })
      const byBearer = see('session by bearer', await send(t, 'GET', BASE, { bearer: access }))
      expect(byBearer.body).toMatchObject({ authenticated: true })
    },
  },
  {
    name: '/me: the user with a credential, 401 unauthenticated without one',
    async run({ t, see }) {
      const anon = see('me anon', await send(t, 'GET', `${BASE}/me`))
      expectError(anon, 401, 'unauthenticated')
      expect(anon.headers['www-authenticate']).toBe(CHALLENGE)
      const { access } = await signIn(t)
      const me = see('me', await send(t, 'GET', `${BASE}/me`, { cookies: { session: access } }))
      expect(me.status).toBe(200)
      expect(me.body).toEqual({ user: { id: 'user123', username: 'test', email: 'test@example.com', name: 'Test User', roles: ['user'] } })
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: access })).status).toBe(200)
    },
  },
  {
    name: 'refresh rotates the token (cookie or body); reuse revokes the whole family',
    async run({ t, see }) {
      const first = await signIn(t)
      const viaCookie = see('refresh by cookie', await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: first.refresh } }))
      expect(viaCookie.status).toBe(200)
      expect(viaCookie.body).toMatchObject({ message: 'Refreshed', tokenType: 'Bearer', user: { id: 'user123' } })
      const second = (viaCookie.body as { refreshToken: string; accessToken: string })
      expect(second.refreshToken).not.toBe(first.refresh)
      expect(cookieValue(viaCookie, 'refresh_token')).toBe(second.refreshToken)
      expect(cookieAttributes(viaCookie, 'refresh_token')).toMatchObject({ path: '/api/auth', httponly: true })
      const viaBody = see('refresh by body', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: second.refreshToken } }))
      expect(viaBody.status).toBe(200)
      const third = viaBody.body as { refreshToken: string; accessToken: string }
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: third.accessToken })).status).toBe(200)

      const reused = see('refresh reuse', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: first.refresh } }))
      expectError(reused, 401, 'refresh_token_reused')
      expect(reused.headers['www-authenticate']).toEqual(invalidChallenge)
      // The family is gone: the newest refresh token and the session's access tokens die with it.
      const newest = see('refresh after reuse', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: third.refreshToken } }))
      expectError(newest, 401, 'invalid_refresh_token')
      expectError(see('me after reuse', await send(t, 'GET', `${BASE}/me`, { bearer: third.accessToken })), 401, 'invalid_token')
      // Another session of the same user is untouched.
      const other = await signIn(t)
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: other.access })).status).toBe(200)
    },
  },
  {
    name: 'refresh without a token or with an unknown one gets 401 invalid_refresh_token',
    async run({ t, see }) {
      const none = see('refresh none', await send(t, 'POST', `${BASE}/refresh`))
      expectError(none, 401, 'invalid_refresh_token')
      expect(none.headers['www-authenticate']).toBe(CHALLENGE)
      const unknown = see('refresh unknown', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: 'nope' } }))
      expectError(unknown, 401, 'invalid_refresh_token')
      expect(unknown.headers['www-authenticate']).toEqual(invalidChallenge)
      expectError(see('refresh wrong type', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: 42 } })), 400, 'invalid_request')
    },
  },
  {
    name: 'sign-out on all three routes clears both cookies and revokes tokens at once',
    async run({ t, see }) {
      for (const [method, path] of [['POST', `${BASE}/logout`], ['DELETE', BASE], ['DELETE', `${BASE}/session`]] as const) {
        const s = await signIn(t)
        const out = see(`sign out ${method} ${path}`, await send(t, method, path, { cookies: { session: s.access, refresh_token: s.refresh } }))
        expect(out.status).toBe(200)
        expect(out.body).toEqual({ message: 'Signed out', revoked: true })
        expect(cookieValue(out, 'session')).toBe('')
        expect(cookieAttributes(out, 'session')).toEqual({ 'max-age': '0', path: '/', httponly: true, samesite: 'Lax' })
        expect(cookieAttributes(out, 'refresh_token')).toEqual({ 'max-age': '0', path: '/api/auth', httponly: true, samesite: 'Lax' })
        expectError(await send(t, 'GET', `${BASE}/me`, { bearer: s.access }), 401, 'invalid_token')
        expectError(await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: s.refresh } }), 401, 'invalid_refresh_token')
      }
      const idle = see('sign out signed-out', await send(t, 'POST', `${BASE}/logout`))
      expect(idle.body).toEqual({ message: 'Signed out', revoked: false })
      expect(idle.cookies).toHaveLength(2)
      // A refresh token that is no string is malformed here as on /refresh.
      expectError(see('sign out with a numeric refreshToken', await send(t, 'POST', `${BASE}/logout`, { json: { refreshToken: 5 } })), 400, 'invalid_request')
    },
  },
  {
    name: 'register: 201 signed in, then 409 user_exists; missing fields 400',
    async run({ t, see }) {
      const created = see('register', await send(t, 'POST', `${BASE}/register`, { json: { username: 'newbie', password: 'pw', name: 'New Bie' } }))
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ user: { username: 'newbie', name: 'New Bie' }, tokenType: 'Bearer', accessToken: expect.any(String) })
      expect(created.cookies).toHaveLength(2)
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: (created.body as { accessToken: string }).accessToken })).status).toBe(200)
      expect((await signIn(t, 'newbie', 'pw')).body.user.username).toBe('newbie')
      expectError(see('register again', await send(t, 'POST', `${BASE}/register`, { json: { username: 'newbie', password: 'x' } })), 409, 'user_exists')
      expectError(see('register seeded', await send(t, 'POST', `${BASE}/register`, { json: { email: 'test@example.com', password: 'x' } })), 409, 'user_exists')
      expectError(see('register missing', await send(t, 'POST', `${BASE}/register`, { json: { username: 'solo' } })), 400, 'invalid_request')
    },
  },
  {
    name: 'credential precedence: Bearer wins over the cookie, other Authorization schemes are ignored, sign-out revokes the authenticating session',
    async run({ t, see }) {
      const admin = await signIn(t, 'admin', 'admin')
      const test = await signIn(t)
      const cookies = { session: test.access, refresh_token: test.refresh }
      const both = see('bearer and cookie', await send(t, 'GET', `${BASE}/me`, { bearer: admin.access, cookies }))
      expect((both.body as { user: { username: string } }).user.username).toBe('admin')
      // A bad Bearer token is refused even with a good cookie: the header is what the client meant.
      expectError(see('bad bearer, good cookie', await send(t, 'GET', `${BASE}/me`, { bearer: 'x.y.z', cookies })), 401, 'invalid_token')
      for (const authorization of ['Basic dGVzdDp0ZXN0', 'Digest username="test"', 'Token abc', 'Bearerx abc']) {
        const other = see(`${authorization.split(' ')[0]} and cookie`, await send(t, 'GET', `${BASE}/me`, { headers: { authorization }, cookies }))
        expect(other.status, authorization).toBe(200)
        expect((other.body as { user: { username: string } }).user.username).toBe('test')
        const alone = see(`${authorization.split(' ')[0]} alone`, await send(t, 'GET', `${BASE}/session`, { headers: { authorization } }))
        expect(alone.body).toEqual({ authenticated: false, user: null })
      }
      // Signing out with the Bearer token revokes its session only; the cookies' session lives on.
      const out = see('sign-out bearer with cookies', await send(t, 'POST', `${BASE}/logout`, { bearer: admin.access, cookies }))
      expect(out.body).toEqual({ message: 'Signed out', revoked: true })
      expectError(await send(t, 'GET', `${BASE}/me`, { bearer: admin.access }), 401, 'invalid_token')
      expect((await send(t, 'GET', `${BASE}/me`, { cookies })).status).toBe(200)
      expect((await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: admin.refresh } })).status).toBe(401)
      // With another scheme in Authorization, the cookie authenticates, so the cookie's session is signed out.
      const cookieOut = see('sign-out basic with cookies', await send(t, 'POST', `${BASE}/logout`, { headers: { authorization: 'Basic dGVzdDp0ZXN0' }, cookies }))
      expect(cookieOut.body).toEqual({ message: 'Signed out', revoked: true })
      expectError(await send(t, 'GET', `${BASE}/me`, { cookies }), 401, 'invalid_token')
    },
  },
  {
    name: 'sign-up fields are bounded by encoded size, so the session cookie never passes 4,096 bytes; control characters are 400',
    async run({ t, see }) {
      // The worst a field can be within 256 encoded bytes: 4-byte characters, or characters JSON escapes.
      const heavy = ['\u{1F600}'.repeat(64), '"'.repeat(128), '\\'.repeat(128)]
      for (const [i, text] of heavy.entries()) {
        const created = await send(t, 'POST', `${BASE}/register`, { json: { username: `u${i}${text}`.slice(0, -2), email: `${text}@x`.slice(2), name: text, password: 'pw' } })
        expect(created.status, text.slice(0, 4)).toBe(201)
        const session = created.cookies.find((c) => c.startsWith('session='))
        expect(new TextEncoder().encode(session?.split(';', 1)[0] ?? '').byteLength).toBeLessThanOrEqual(4096)
      }
      for (const [label, json] of [
        ['too long', { username: 'a'.repeat(257), password: 'pw' }],
        ['too long once encoded', { username: 'ok', name: '\u{1F600}'.repeat(65), password: 'pw' }],
        ['escapes count', { username: '"'.repeat(129), password: 'pw' }],
        ['newline', { username: 'new\nline', password: 'pw' }],
        ['NUL', { username: 'ok2', name: 'a\u0000b', password: 'pw' }],
        ['C1 control', { username: 'ok3', email: 'a\u0085@b.test', password: 'pw' }],
      ] as const) {
        const refused = see(`register ${label}`, await send(t, 'POST', `${BASE}/register`, { json }))
        expectError(refused, 400, 'invalid_request')
        expect((refused.body as { message: string }).message, label).toMatch(/control character|too long/)
      }
    },
  },
  {
    name: 'register past maxUsers: 507 limit_exceeded naming the option; the namespace keeps working',
    async run({ see, make }) {
      // The two seed users do not count: maxUsers bounds the users a namespace adds.
      const small = await make({ maxUsers: 1 })
      expect((await send(small, 'POST', `${BASE}/register`, { json: { username: 'third', password: 'pw' } })).status).toBe(201)
      const full = see('register past maxUsers', await send(small, 'POST', `${BASE}/register`, { json: { username: 'fourth', password: 'pw' } }))
      expectError(full, 507, 'limit_exceeded')
      expect((full.body as { message: string }).message).toMatch(/maxUsers/)
      expect((await signIn(small, 'third', 'pw')).body.user.username).toBe('third')
      expect((await send(small, 'POST', `${BASE}/login`, { json: { username: 'fourth', password: 'pw' } })).status).toBe(401)
    },
  },
  {
    name: 'the JWKS is public keys only, on both paths, and verifies the token with jose',
    async run({ t, see }) {
      const { access, body } = await signIn(t)
      for (const path of [`${BASE}/jwks`, '/.well-known/jwks.json']) {
        const res = see(`jwks ${path}`, await send(t, 'GET', path))
        expect(res.status).toBe(200)
        const jwks = res.body as JSONWebKeySet
        expect(jwks.keys).toHaveLength(1)
        expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: decodeProtectedHeader(access).kid })
        expect(jwks.keys[0]).not.toHaveProperty('d')
        const { payload, protectedHeader } = await jwtVerify(access, createLocalJWKSet(jwks), { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ['ES256'] })
        expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt' })
        expect(payload).toMatchObject({ sub: 'user123', username: 'test', roles: ['user'], sid: expect.any(String), jti: expect.any(String) })
        expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(body.expiresIn)
      }
    },
  },
  {
    name: 'HS256 mode signs with the shared secret and publishes no key',
    async run({ make, see }) {
      const hs = await make({ alg: 'HS256', secret: HS_SECRET })
      const { access } = await signIn(hs)
      expect(decodeProtectedHeader(access).alg).toBe('HS256')
      const { payload } = await jwtVerify(access, new TextEncoder().encode(HS_SECRET), { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ['HS256'] })
      expect(payload.sub).toBe('user123')
      expect((await send(hs, 'GET', `${BASE}/me`, { bearer: access })).status).toBe(200)
      const jwks = see('hs256 jwks', await send(hs, 'GET', `${BASE}/jwks`))
      expect(jwks.body).toEqual({ keys: [] })
    },
  },
]
