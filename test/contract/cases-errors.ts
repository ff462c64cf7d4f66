import { expect } from 'vitest'
import { BASE, send, signIn } from './client.js'
import { expectError, invalidChallenge, type ContractCase } from './expect-error.js'

/** Every way a request can be wrong, and the JSON error it earns. */
export const errorCases: ContractCase[] = [
  {
    name: 'forged, tampered and malformed credentials get 401 invalid_token with an RFC 6750 challenge',
    async run({ t, see }) {
      const { access } = await signIn(t)
      const [h, p, s] = access.split('.') as [string, string, string]
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString())
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'admin1' })).toString('base64url')}.${s}`
      const none = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${p}.`
      for (const [label, init] of [
        ['tampered', { bearer: tampered }],
        ['alg none', { bearer: none }],
        ['stripped signature', { bearer: `${h}.${p}.` }],
        ['garbage cookie', { cookies: { session: 'not-a-jwt' } }],
        ['malformed bearer', { headers: { authorization: 'Bearer not a token' } }],
        ['bearer without a token', { headers: { authorization: 'Bearer' } }],
      ] as const) {
        for (const path of [`${BASE}/me`, `${BASE}/session`]) {
          const res = see(`${label} ${path}`, await send(t, 'GET', path, init))
          expectError(res, 401, 'invalid_token')
          expect(res.headers['www-authenticate'], label).toEqual(invalidChallenge)
        }
      }
    },
  },
  {
    name: 'unknown paths get 404, wrong methods 405 with Allow, OPTIONS 204 with Allow',
    async run({ t, see }) {
      expectError(see('404', await send(t, 'GET', `${BASE}/nope`)), 404, 'not_found')
      for (const [method, path, allow] of [
        ['PUT', `${BASE}/login`, 'POST, OPTIONS'],
        ['GET', `${BASE}/logout`, 'POST, OPTIONS'],
        ['POST', `${BASE}/me`, 'GET, HEAD, OPTIONS'],
        ['PATCH', BASE, 'POST, GET, HEAD, DELETE, OPTIONS'],
        ['GET', `${BASE}/refresh`, 'POST, OPTIONS'],
        ['DELETE', `${BASE}/jwks`, 'GET, HEAD, OPTIONS'],
      ] as const) {
        const res = see(`405 ${method} ${path}`, await send(t, method, path))
        expectError(res, 405, 'method_not_allowed')
        expect(res.headers.allow).toBe(allow)
      }
      const options = see('options', await send(t, 'OPTIONS', `${BASE}/session`))
      expect(options.status).toBe(204)
      expect(options.headers.allow).toBe('GET, HEAD, DELETE, OPTIONS')
      expect(options.body).toBeNull()
    },
  },
  {
    name: 'HEAD answers every GET route as GET would, without the body (RFC 9110 §9.3.2)',
    async run({ t, see }) {
      const { access } = await signIn(t)
      for (const path of [BASE, `${BASE}/session`, `${BASE}/me`, `${BASE}/jwks`, '/.well-known/jwks.json']) {
        for (const [label, init] of [['signed in', { bearer: access }], ['anonymous', {}]] as const) {
          const get = await send(t, 'GET', path, init)
          const head = see(`HEAD ${path} ${label}`, await send(t, 'HEAD', path, init))
          expect(head.status, `${path} ${label}`).toBe(get.status)
          expect(head.body).toBeNull()
          expect(head.headers['content-type']).toBe(get.headers['content-type'])
          expect(head.headers['www-authenticate']).toBe(get.headers['www-authenticate'])
          expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(get.body)))
        }
      }
      const post = see('HEAD on a POST route', await send(t, 'HEAD', `${BASE}/login`))
      expect([post.status, post.headers.allow, post.body]).toEqual([405, 'POST, OPTIONS', null])
    },
  },
  {
    name: 'bad bodies: 413 over 100 KB, 415, malformed JSON, missing field, deep nesting, __proto__',
    async run({ t, see }) {
      const login = `${BASE}/login`
      expectError(see('413', await send(t, 'POST', login, { json: { username: 'test', password: 'x'.repeat(101 * 1024) } })), 413, 'payload_too_large')
      expectError(see('415', await send(t, 'POST', login, { body: 'username=test', type: 'text/plain' })), 415, 'unsupported_media_type')
      expectError(see('415 none', await send(t, 'POST', login, { body: '{"username":"test","password":"test"}' })), 415, 'unsupported_media_type')
      expectError(see('bad json', await send(t, 'POST', login, { json: '{"username": "test",' })), 400, 'invalid_request')
      expectError(see('not object', await send(t, 'POST', login, { json: '["test","test"]' })), 400, 'invalid_request')
      expectError(see('missing', await send(t, 'POST', login, { json: { username: 'test' } })), 400, 'invalid_request')
      expectError(see('wrong type', await send(t, 'POST', login, { json: { username: ['test'], password: 'test' } })), 400, 'invalid_request')
      expectError(see('deep', await send(t, 'POST', login, { json: `{"username":"test","password":"test","x":${'['.repeat(5000)}${']'.repeat(5000)}}` })), 400, 'invalid_request')
      const proto = see('__proto__ only', await send(t, 'POST', login, { json: '{"__proto__":{"username":"test","password":"test"}}' }))
      expectError(proto, 400, 'invalid_request')
      const extra = see('__proto__ extra', await send(t, 'POST', login, { json: '{"username":"test","password":"test","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}' }))
      expect(extra.status).toBe(200)
      expect(({} as Record<string, unknown>).admin).toBeUndefined()
      // Still serving after all of that.
      expect((await signIn(t)).res.status).toBe(200)
    },
  },
]
