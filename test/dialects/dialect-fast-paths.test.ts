import { compactDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { publicOrigin, type AuthRequest } from '../../src/core/index.js'
import { AUTHJS_V5 } from '../../src/dialects/authjs/index.js'
import { CookieSigner } from '../../src/dialects/better-auth/session-cookie.js'
import { allowedRedirect } from '../../src/dialects/next-auth/request-state.js'
import { NEXT_AUTH_V4, SessionJwe } from '../../src/dialects/next-auth/index.js'
import { OriginMemo } from '../../src/dialects/next-auth/origin-memo.js'
import { nodeCookieMac } from '../../src/server/node-cookie-mac.js'
import { nodeJweCipher } from '../../src/server/node-jwe-cipher.js'

/**
 * The short cuts the dialects take on their hot paths (a remembered origin, a plaintext built from
 * the claims' JSON, node:crypto's HMAC and base64url) must give exactly what the long way gives.
 */
const SECRET = 'a-secret-for-the-fast-path-tests-0123456789'
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)

const request = (url: string, headers: Record<string, string> = {}): AuthRequest => ({ method: 'GET', url, headers: { get: (name) => headers[name.toLowerCase()] ?? null }, body: null })

describe('OriginMemo', () => {
  const cases: [string, Record<string, string>][] = [
    ['http://127.0.0.1:3000/api/auth/session', {}],
    ['http://127.0.0.1:3000/api/auth/csrf?x=1', {}],
    ['http://LOCALHOST:80/api/auth/session', {}],
    ['https://app.localhost/api/auth/session', {}],
    ['http://127.0.0.1:3000/api/auth/session', { 'x-forwarded-host': 'app.example.com', 'x-forwarded-proto': 'https' }],
    ['http://127.0.0.1:3000/api/auth/session', { 'x-forwarded-host': 'app.example.com' }],
    ['http://127.0.0.1:3000/api/auth/session', { 'x-forwarded-host': 'bad host!' }],
    ['http://127.0.0.1:3000?callbackUrl=/x', {}],
    ['not a url', {}],
  ]

  it('answers what publicOrigin answers, first time and remembered, for every URL and forwarded header', () => {
    const memo = new OriginMemo()
    for (let round = 0; round < 2; round++) {
      for (const [url, headers] of cases) expect(memo.of(request(url, headers), undefined)).toBe(publicOrigin(request(url, headers), undefined))
    }
    // The same request origin with other forwarded headers is another entry, not the remembered one.
    expect(memo.of(request(cases[0]![0], { 'x-forwarded-host': 'other.example.com' }), undefined)).toBe('http://other.example.com')
    expect(memo.of(request(cases[0]![0]), 'https://configured.example.com')).toBe('https://configured.example.com')
  })

  it('keeps a callback URL equal to the origin, as the URL check would', () => {
    for (const origin of ['http://127.0.0.1:3000', 'https://app.example.com']) expect(allowedRedirect(origin, origin)).toBe(origin)
    expect(allowedRedirect('https://evil.example.com', 'https://app.example.com')).toBe('https://app.example.com')
  })
})

describe.each([
  ['next-auth', NEXT_AUTH_V4, 'next-auth.session-token'],
  ['authjs', AUTHJS_V5, 'authjs.session-token'],
] as const)('%s seal plaintext', (_name, wire, cookie) => {
  it.each([
    ['jose', undefined],
    ['node:crypto', nodeJweCipher],
  ] as const)('is JSON.stringify of the claims then iat, exp, jti (%s)', async (_how, cipher) => {
    const claims = { sub: 'user123', sid: 'session-1', name: 'Ünïcode "quoted"', email: 'test@example.com', picture: 'https://x/y.png?a=1&b=2' }
    const token = await new SessionJwe(wire, SECRET, cipher).encode(claims, cookie, NOW, 60_000)
    const opened = await new SessionJwe(wire, SECRET).decode(token, cookie, NOW)
    expect(opened).toBeDefined()
    // The bytes a real decoder reads: the claims in their order, then the three the seal adds.
    const key = await keyOf(wire, cookie)
    const { plaintext } = await compactDecrypt(token, key)
    const text = new TextDecoder().decode(plaintext)
    expect(text).toBe(JSON.stringify({ ...claims, iat: NOW / 1000, exp: NOW / 1000 + 60, jti: opened!.jti }))
  })
})

/** The derived key as next-auth derives it (HKDF-SHA256, RFC 5869), to open the JWE with jose directly. */
async function keyOf(wire: typeof NEXT_AUTH_V4, cookie: string): Promise<Uint8Array> {
  const salt = wire.jwe.saltedByCookieName ? cookie : ''
  const encoder = new TextEncoder()
  const material = await crypto.subtle.importKey('raw', encoder.encode(SECRET), 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode(wire.jwe.info(salt)) }, material, wire.jwe.keyBytes * 8)
  return new Uint8Array(bits)
}

describe('better-auth CookieSigner with node:crypto HMAC', () => {
  it('signs exactly as WebCrypto does and verifies what either made', async () => {
    const web = new CookieSigner(SECRET)
    const node = new CookieSigner(SECRET, nodeCookieMac)
    for (const value of ['a-session-token-0123456789abcdef', 'true', 'ünïcode']) {
      const signed = await web.sign(value)
      expect(await node.sign(value)).toBe(signed)
      expect(await new CookieSigner(SECRET, nodeCookieMac).verify(signed)).toBe(value)
    }
  })

  it('refuses a tampered MAC, a changed value and another secret', async () => {
    const signed = await new CookieSigner(SECRET).sign('a-session-token')
    const reader = new CookieSigner(SECRET, nodeCookieMac)
    const mac = signed.slice(signed.lastIndexOf('.') + 1)
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`
    expect(await reader.verify(`a-session-token.${flipped}`)).toBeUndefined()
    expect(await reader.verify(`a-session-tokeN.${mac}`)).toBeUndefined()
    expect(await reader.verify('a-session-token.short')).toBeUndefined()
    expect(await reader.verify('no-mac-at-all')).toBeUndefined()
    expect(await new CookieSigner(`${SECRET}-other`, nodeCookieMac).verify(signed)).toBeUndefined()
  })
})
