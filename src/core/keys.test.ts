import { createLocalJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { createKeySet, importKeySet } from './keys.js'
import { signAccessToken, verifyAccessToken } from './tokens.js'

const settings = { issuer: 'https://mock-auth.invalid', audience: 'mock-auth', clockToleranceSeconds: 0 }
const input = { subject: 'u1', sessionId: 's1', claims: { username: 'test', sub: 'evil' }, nowMs: Date.now(), ttlMs: 60_000 }

describe('keys and tokens', () => {
  it('ES256 tokens verify against the published JWKS, which holds no private field', async () => {
    const keys = await createKeySet()
    const { token } = await signAccessToken(keys, settings, input)
    for (const jwk of keys.jwks.keys) expect(Object.keys(jwk)).not.toContain('d')
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(keys.jwks), { issuer: settings.issuer, audience: settings.audience })
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: keys.kid, typ: 'at+jwt' })
    expect(payload).toMatchObject({ sub: 'u1', sid: 's1', username: 'test' })
  })

  it('HS256 needs a long enough secret and publishes no key', async () => {
    await expect(createKeySet({ alg: 'HS256' })).rejects.toThrow(/secret/)
    await expect(createKeySet({ secret: 'short' })).rejects.toThrow(/32 bytes/)
    const keys = await createKeySet({ secret: 'x'.repeat(32) })
    expect(keys.alg).toBe('HS256')
    expect(keys.jwks.keys).toEqual([])
    expect(keys.kid).not.toContain('x'.repeat(8))
  })

  it('exported keys import back to the same signer', async () => {
    const keys = await createKeySet()
    const again = await importKeySet(JSON.parse(JSON.stringify(keys.exported)))
    const { token } = await signAccessToken(again, settings, input)
    expect((await verifyAccessToken(keys, settings, token, input.nowMs)).ok).toBe(true)
  })

  it('expiry follows the injected clock, not the wall clock', async () => {
    const keys = await createKeySet()
    const { token } = await signAccessToken(keys, settings, input)
    expect(await verifyAccessToken(keys, settings, token, input.nowMs + 59_000)).toMatchObject({ ok: true })
    expect(await verifyAccessToken(keys, settings, token, input.nowMs + 60_000)).toMatchObject({ ok: false, code: 'token_expired' })
  })
  it('user claims are copied as claims: a "__proto__" key stays a claim and registered claims win', async () => {
    const keys = await createKeySet()
    const claims = JSON.parse('{"__proto__": {"polluted": true}, "tenant": "acme", "sub": "evil"}') as Record<string, unknown>
    const { token } = await signAccessToken(keys, settings, { ...input, claims })
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>
    expect(Object.keys(payload)).toEqual(['__proto__', 'tenant', 'sub', 'sid', 'iss', 'aud', 'jti', 'iat', 'exp'])
    expect(payload).toMatchObject({ tenant: 'acme', sub: 'u1' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('keys made with WebCrypto alone', () => {
  it('the kid is the RFC 7638 thumbprint jose computes, and jose verifies what the key set signs', async () => {
    const { calculateJwkThumbprint, importJWK, compactVerify } = await import('jose')
    const keys = await createKeySet()
    const publicJwk = keys.jwks.keys[0]!
    expect(keys.kid).toBe(await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: publicJwk.x!, y: publicJwk.y! }))
    const input = new TextEncoder().encode(`${keys.header}.${btoa('{}').replace(/=+$/, '')}`)
    const signature = await keys.sign(input)
    const jws = `${new TextDecoder().decode(input)}.${Buffer.from(signature).toString('base64url')}`
    await expect(compactVerify(jws, await importJWK(publicJwk, 'ES256'))).resolves.toBeTruthy()
  })

  it('an exported key set imports back to the same key and kid', async () => {
    const keys = await createKeySet()
    const again = await importKeySet(keys.exported)
    expect(again.kid).toBe(keys.kid)
    expect(again.jwks).toEqual(keys.jwks)
    const { importJWK, compactVerify } = await import('jose')
    const input = new TextEncoder().encode(`${again.header}.e30`)
    const jws = `${again.header}.e30.${Buffer.from(await again.sign(input)).toString('base64url')}`
    await expect(compactVerify(jws, await importJWK(keys.jwks.keys[0]!, 'ES256'))).resolves.toBeTruthy()
  })
})
