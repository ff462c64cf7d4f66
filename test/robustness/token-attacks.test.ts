import { exportJWK, exportSPKI, generateKeyPair, importJWK, UnsecuredJWT, type JWK, type JWTPayload } from 'jose'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bearer, send, signIn, type SignedIn } from './support/client.js'
import { claimsOf, compact, headerOf, parts, sign } from './support/forge.js'
import { armOutboundTrap } from './support/outbound-trap.js'
import type { Reply, Target } from './support/target.js'
import { TARGETS } from './support/targets.js'

type Code = 'invalid_token' | 'token_expired'

/** The three ways a token reaches the server, each of which must refuse a forgery alike. */
const PRESENTATIONS = [
  { path: '/api/auth/me', via: 'bearer' },
  { path: '/api/auth/session', via: 'bearer' },
  { path: '/api/auth/me', via: 'cookie' },
] as const

describe.each(TARGETS)('token attacks on $name', (factory) => {
  let target: Target
  let genuine: SignedIn
  let kid: string
  let claims: JWTPayload

  beforeEach(async () => {
    target = await factory.create()
    genuine = await signIn(target)
    kid = String(headerOf(genuine.accessToken).kid)
    claims = claimsOf(genuine.accessToken)
  })
  afterEach(() => target.close())

  function present(token: string, path: string, via: 'bearer' | 'cookie'): Promise<Reply> {
    return send(target, 'GET', path, via === 'bearer' ? bearer(token) : { headers: { cookie: `session=${token}` } })
  }

  /** 401 with the stable code and an RFC 6750 §3 challenge on every presentation; the genuine token still works. */
  async function expectRejected(token: string, label: string, code: Code = 'invalid_token'): Promise<void> {
    for (const { path, via } of PRESENTATIONS) {
      const reply = await present(token, path, via)
      const where = `${label} via ${via} on ${path}: ${reply.status} ${reply.text}`
      expect(reply.status, where).toBe(401)
      const body = reply.json as { error?: unknown; message?: unknown }
      expect(body.error, where).toBe(code)
      expect(typeof body.message, where).toBe('string')
      expect(reply.text, where).not.toMatch(/\n\s+at |Error:/)
      expect(reply.headers['www-authenticate'], where).toMatch(/^Bearer realm="mock-auth", error="invalid_token", error_description="[^"]+"$/)
    }
    await expectGenuineWorks()
  }

  async function expectGenuineWorks(token = genuine.accessToken): Promise<void> {
    const reply = await send(target, 'GET', '/api/auth/me', bearer(token))
    expect(reply.status, reply.text).toBe(200)
    expect(reply.json).toMatchObject({ user: { id: 'user123' } })
  }

  /** A token genuinely signed with the server's own key, with whatever claims and header we choose. */
  async function ownSigned(payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
    const keys = await target.engine.keys()
    return sign({ alg: keys.alg, kid: keys.kid, typ: 'at+jwt', ...header }, payload, keys.signingKey)
  }

  const nowSeconds = () => Math.floor(target.engine.namespace().clock.now() / 1000)

  it('refuses alg "none" in any casing, with or without a signature', async () => {
    const [, , signature] = parts(genuine.accessToken)
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      for (const sig of ['', signature]) {
        await expectRejected(compact({ alg, typ: 'at+jwt', kid }, claims, sig), `alg ${alg} sig ${sig.length}`)
      }
    }
    await expectRejected(new UnsecuredJWT(claims).encode(), 'UnsecuredJWT')
  })

  it('refuses a tampered payload, stripped, truncated, altered or borrowed signatures', async () => {
    const [header, payload, signature] = parts(genuine.accessToken)
    const admin = compact(headerOf(genuine.accessToken), { ...claims, sub: 'admin1', roles: ['admin'] }, signature)
    await expectRejected(admin, 'sub swapped to admin')
    await expectRejected(compact(headerOf(genuine.accessToken), { ...claims, exp: Number(claims.exp) + 86_400 * 365 }, signature), 'exp extended')
    await expectRejected(`${header}.${payload}.`, 'stripped signature')
    await expectRejected(`${header}.${payload}`, 'two segments')
    await expectRejected(`${header}.${payload}.${signature.slice(0, -1)}`, 'signature minus one char')
    await expectRejected(`${header}.${payload}.${signature.slice(0, signature.length / 2)}`, 'half a signature')
    const flipped = signature[5] === 'A' ? 'B' : 'A'
    await expectRejected(`${header}.${payload}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`, 'one char flipped')
    const other = await signIn(target)
    await expectRejected(`${header}.${payload}.${parts(other.accessToken)[2]}`, 'signature of another token')
    await expectRejected(`${header}.${payload}.${signature}.${signature}`, 'four segments')
    await expectRejected(`${header}.${payload}.${signature}.x.y`, 'JWE-shaped')
    await expectRejected('not-a-jwt', 'garbage')
    await expectRejected(`${header}.${payload}.${signature}`.replace(/\./g, '..'), 'doubled dots')
  })

  it('refuses HS256 tokens signed with the published public key as the secret', async () => {
    const jwks = (await send(target, 'GET', '/.well-known/jwks.json')).json as { keys: JWK[] }
    const publicJwk = jwks.keys[0]
    expect(publicJwk?.kid).toBe(kid)
    expect(publicJwk).not.toHaveProperty('d')
    const publicKey = await importJWK(publicJwk as JWK, 'ES256')
    const pem = await exportSPKI(publicKey as CryptoKey)
    const { kid: _kid, alg: _alg, use: _use, ...bareJwk } = publicJwk as JWK
    const secrets = [JSON.stringify(publicJwk), JSON.stringify(bareJwk), JSON.stringify(jwks), pem, pem.trim()]
    for (const secret of secrets) {
      for (const alg of ['HS256', 'HS384', 'HS512']) {
        const token = await sign({ alg, kid, typ: 'at+jwt' }, claims, new TextEncoder().encode(secret))
        await expectRejected(token, `${alg} with ${secret.slice(0, 20)}`)
      }
    }
  })

  it('refuses a foreign key that claims our kid', async () => {
    for (const alg of ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA']) {
      const { privateKey } = await generateKeyPair(alg)
      await expectRejected(await sign({ alg, kid, typ: 'at+jwt' }, claims, privateKey), `foreign ${alg} with our kid`)
    }
  })

  it('never follows embedded jwk, jku or x5u headers (no outbound request)', async () => {
    const trap = await armOutboundTrap()
    try {
      const { privateKey, publicKey } = await generateKeyPair('ES256')
      const jwk = await exportJWK(publicKey)
      const headers: Array<Record<string, unknown>> = [
        { jwk },
        { jwk: { ...jwk, kid }, kid },
        { jku: trap.url('/jwks.json') },
        { jku: trap.url('/jwks.json'), kid },
        { x5u: trap.url('/cert.pem'), kid },
        { x5c: ['MIIBfake'], kid },
        { jku: trap.url('/jwks.json'), x5u: trap.url('/cert.pem'), jwk, kid },
      ]
      for (const header of headers) {
        const token = await sign({ alg: 'ES256', typ: 'at+jwt', ...header }, claims, privateKey)
        await expectRejected(token, `embedded ${Object.keys(header).join('+')}`)
      }
      // Our own signature plus a jku: still verified with our key only, and nothing fetched.
      await expectGenuineWorks(await ownSigned(claims, { jku: trap.url('/jwks.json') }))
      expect(trap.fetched).toEqual([])
      expect(trap.connections).toBe(0)
    } finally {
      await trap.restore()
    }
  })

  it('refuses kid injection', async () => {
    const { privateKey } = await generateKeyPair('ES256')
    const kids: unknown[] = ['../../etc/passwd', '/dev/null', "' OR '1'='1", '"; DROP TABLE keys; --', '\u0000', '${jndi:ldap://127.0.0.1/a}', '{{7*7}}', 'k'.repeat(2000), 123, { $ne: null }, ['x'], '']
    for (const injected of kids) {
      await expectRejected(await sign({ alg: 'ES256', typ: 'at+jwt', kid: injected as string }, claims, privateKey), `kid ${JSON.stringify(injected).slice(0, 30)}`)
    }
    // The right signature under another kid is refused too: the kid must be ours.
    await expectRejected(await ownSigned(claims, { kid: '../../etc/passwd' }), 'own key, injected kid')
  })

  it('checks exp, nbf and iat against the engine clock with the configured tolerance (30 s)', async () => {
    const now = nowSeconds()
    await expectRejected(await ownSigned({ ...claims, iat: now - 3600, exp: now - 3000 }), 'expired an hour ago', 'token_expired')
    await expectRejected(await ownSigned({ ...claims, iat: now - 120, exp: now - 50 }), 'expired beyond the leeway', 'token_expired')
    await expectRejected(await ownSigned({ ...claims, nbf: now + 120 }), 'not valid yet')
    await expectRejected(await ownSigned({ ...claims, iat: now + 120, exp: now + 900 }), 'issued in the future')
    // Inside the leeway each one is accepted: the tolerance is applied, not ignored.
    await expectGenuineWorks(await ownSigned({ ...claims, iat: now - 120, exp: now - 10 }))
    await expectGenuineWorks(await ownSigned({ ...claims, nbf: now + 10 }))
    await expectGenuineWorks(await ownSigned({ ...claims, iat: now + 10, exp: now + 900 }))
  })

  it('expires a genuine token when the engine clock passes exp plus the tolerance', async () => {
    const clock = target.engine.namespace().clock
    clock.advance('15m')
    await expectGenuineWorks()
    clock.advance('50s')
    const reply = await send(target, 'GET', '/api/auth/me', bearer(genuine.accessToken))
    expect(reply.status).toBe(401)
    expect(reply.json).toMatchObject({ error: 'token_expired' })
    expect(reply.headers['www-authenticate']).toMatch(/^Bearer realm="mock-auth", error="invalid_token"/)
    clock.reset()
    await expectGenuineWorks()
  })

  it('refuses wrong iss, aud, typ, and tokens naming no live session', async () => {
    const { iss: _iss, aud: _aud, sid: _sid, ...bare } = claims
    await expectRejected(await ownSigned({ ...claims, iss: 'https://evil.example' }), 'wrong iss')
    await expectRejected(await ownSigned({ ...bare, aud: claims.aud, sid: claims.sid } as JWTPayload), 'no iss')
    await expectRejected(await ownSigned({ ...claims, aud: 'someone-else' }), 'wrong aud')
    await expectRejected(await ownSigned({ ...claims, aud: ['a', 'b'] }), 'aud list without ours')
    for (const typ of ['JWT', 'id+jwt', 'at+jwt+x']) await expectRejected(await ownSigned(claims, { typ }), `typ ${typ}`)
    await expectRejected(await ownSigned(claims, { typ: undefined }), 'no typ')
    await expectRejected(await ownSigned(bare), 'no iss, aud or sid')
    await expectRejected(await ownSigned({ ...claims, sid: 'no-such-session' }), 'unknown sid')
    await expectRejected(await ownSigned({ ...claims, sid: 42 }), 'numeric sid')
    await expectRejected(await ownSigned({ ...claims, sub: 'no-such-user' }), 'unknown sub')
    const admin = await signIn(target, { username: 'admin', password: 'admin' })
    await expectRejected(await ownSigned({ ...claims, sid: claimsOf(admin.accessToken).sid }), "another user's session")
  })

  it('refuses the tokens of a signed-out session and of a family revoked by refresh reuse', async () => {
    const leaving = await signIn(target)
    const out = await send(target, 'DELETE', '/api/auth', bearer(leaving.accessToken))
    expect(out.status).toBe(200)
    expect(out.json).toMatchObject({ revoked: true })
    await expectRejected(leaving.accessToken, 'signed out')

    const family = await signIn(target)
    const rotated = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: family.refreshToken } })
    expect(rotated.status).toBe(200)
    const next = rotated.json as { accessToken: string; refreshToken: string }
    const reuse = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: family.refreshToken } })
    expect(reuse.status).toBe(401)
    expect(reuse.json).toMatchObject({ error: 'refresh_token_reused' })
    expect(reuse.headers['www-authenticate']).toMatch(/^Bearer realm="mock-auth", error="invalid_token"/)
    await expectRejected(family.accessToken, 'first token of a reused family')
    await expectRejected(next.accessToken, 'rotated token of a reused family')
    const after = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: next.refreshToken } })
    expect(after.json).toMatchObject({ error: 'invalid_refresh_token' })
    // Other sessions, and new ones, are untouched.
    await expectGenuineWorks()
    await expectGenuineWorks((await signIn(target)).accessToken)
  })

  it('refuses an access token presented as a refresh token and junk refresh tokens', async () => {
    for (const refreshToken of [genuine.accessToken, `${genuine.refreshToken}x`, genuine.refreshToken.slice(1), '__proto__', 'constructor']) {
      const reply = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken } })
      expect(reply.status, refreshToken).toBe(401)
      expect(reply.json).toMatchObject({ error: 'invalid_refresh_token' })
      expect(reply.headers['www-authenticate']).toMatch(/^Bearer realm="mock-auth", error="invalid_token"/)
    }
    const ok = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: genuine.refreshToken } })
    expect(ok.status).toBe(200)
  })
})

describe.each(TARGETS)('token attacks on $name with an HS256 secret', (factory) => {
  const secret = 'robustness-suite-shared-secret-0123456789'
  let target: Target

  beforeEach(async () => {
    target = await factory.create({ keyOptions: { secret } })
  })
  afterEach(() => target.close())

  it('publishes no key and refuses alg none, other HMAC algorithms, other secrets and an ES256 key with our kid', async () => {
    const genuine = await signIn(target)
    const kid = String(headerOf(genuine.accessToken).kid)
    const claims = claimsOf(genuine.accessToken)
    expect(headerOf(genuine.accessToken).alg).toBe('HS256')
    expect((await send(target, 'GET', '/api/auth/jwks')).json).toEqual({ keys: [] })
    const { privateKey } = await generateKeyPair('ES256')
    const bytes = new TextEncoder().encode(secret)
    const forged = [
      compact({ alg: 'none', typ: 'at+jwt', kid }, claims),
      await sign({ alg: 'HS384', typ: 'at+jwt', kid }, claims, bytes),
      await sign({ alg: 'HS256', typ: 'at+jwt', kid }, claims, new TextEncoder().encode(`${secret}!`)),
      await sign({ alg: 'ES256', typ: 'at+jwt', kid }, claims, privateKey),
    ]
    for (const token of forged) {
      const reply = await send(target, 'GET', '/api/auth/me', bearer(token))
      expect(reply.status, headerOf(token).alg).toBe(401)
      expect(reply.json).toMatchObject({ error: 'invalid_token' })
    }
    expect((await send(target, 'GET', '/api/auth/me', bearer(genuine.accessToken))).status).toBe(200)
  })

  it('answers 401 invalid_token, never 500, for genuinely signed exp, nbf or iat beyond what a date can hold', async () => {
    const genuine = await signIn(target)
    const kid = String(headerOf(genuine.accessToken).kid)
    const claims = claimsOf(genuine.accessToken)
    const bytes = new TextEncoder().encode(secret)
    for (const times of [{ exp: 1e308 }, { exp: 8.64e12 + 1 }, { nbf: -1e308 }, { iat: -9e15 }, { exp: 1e300, iat: 1e300, nbf: 1e300 }]) {
      const token = await sign({ alg: 'HS256', typ: 'at+jwt', kid }, { ...claims, ...times }, bytes)
      for (const path of ['/api/auth/session', '/api/auth/me', '/api/auth']) {
        for (const init of [bearer(token), { headers: { cookie: `session=${token}` } }]) {
          const reply = await send(target, 'GET', path, init)
          expect(reply.status, `${JSON.stringify(times)} on ${path}: ${reply.text}`).toBe(401)
          expect(reply.json).toMatchObject({ error: 'invalid_token', message: expect.any(String) })
        }
      }
    }
    expect((await send(target, 'GET', '/api/auth/session', bearer(genuine.accessToken))).status).toBe(200)
  })
})
