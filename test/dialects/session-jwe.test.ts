import { describe, expect, it } from 'vitest'
import { AUTHJS_V5 } from '../../src/dialects/authjs/index.js'
import { NEXT_AUTH_V4, SessionJwe } from '../../src/dialects/next-auth/index.js'
import { CsrfHasher } from '../../src/dialects/next-auth/csrf-hash.js'
import { sha256Hex } from '../../src/dialects/next-auth/jwe.js'
import { nodeJweCipher } from '../../src/server/node-jwe-cipher.js'
import { importUntyped } from './support/cookie-fetch.js'

/**
 * The session JWE remembers the tokens it sealed (a `/session` read skips the decryption): the
 * remembered answer must be exactly what decrypting gives, expiry included.
 */
const SECRET = 'a-secret-for-the-session-jwe-tests-0123456789'
const NOW = Date.UTC(2026, 0, 1)
const CLAIMS = { sub: 'user123', sid: 'session-1', name: 'Test User', email: 'test@example.com' }

type Decode = (params: { token: string; secret: string; salt?: string }) => Promise<Record<string, unknown> | null>

describe.each([
  ['next-auth', NEXT_AUTH_V4, 'next-auth.session-token', 'next-auth/jwt'],
  ['authjs', AUTHJS_V5, 'authjs.session-token', 'next-auth-v5/jwt'],
] as const)('%s SessionJwe', (name, wire, cookie, jwtModule) => {
  it("sealed with node:crypto's cipher (the server's), it opens with jose and with the library's own decode", async () => {
    const token = await new SessionJwe(wire, SECRET, nodeJweCipher).encode(CLAIMS, cookie, NOW, 60_000)
    const [header] = token.split('.')
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'dir', enc: wire.jwe.enc })
    expect(await new SessionJwe(wire, SECRET).decode(token, cookie, NOW)).toMatchObject({ ...CLAIMS, exp: NOW / 1000 + 60 })
    const { decode } = (await importUntyped(jwtModule)) as { decode: Decode }
    // The library checks exp against the real clock: seal one for now.
    const live = await new SessionJwe(wire, SECRET, nodeJweCipher).encode(CLAIMS, cookie, Date.now(), 60_000)
    expect(await decode({ token: live, secret: SECRET, ...(name === 'authjs' ? { salt: cookie } : {}) })).toMatchObject(CLAIMS)
    expect(await new SessionJwe(wire, `${SECRET}-other`).decode(token, cookie, NOW)).toBeUndefined()
  })

  it('reads back a token it sealed as another instance with the same secret decrypts it', async () => {
    const sealer = new SessionJwe(wire, SECRET)
    const token = await sealer.encode(CLAIMS, cookie, NOW, 60_000)
    const fresh = await new SessionJwe(wire, SECRET).decode(token, cookie, NOW)
    expect(fresh).toMatchObject({ ...CLAIMS, iat: NOW / 1000, exp: NOW / 1000 + 60 })
    expect(await sealer.decode(token, cookie, NOW)).toEqual(fresh)
  })

  it('expiry: both paths refuse it 15 s past exp, and accept it with ignoreExpiry', async () => {
    const sealer = new SessionJwe(wire, SECRET)
    const other = new SessionJwe(wire, SECRET)
    const token = await sealer.encode(CLAIMS, cookie, NOW, 60_000)
    for (const jwe of [sealer, other]) {
      expect(await jwe.decode(token, cookie, NOW + 74_000)).toBeDefined()
      expect(await jwe.decode(token, cookie, NOW + 75_000)).toBeUndefined()
      expect(await jwe.decode(token, cookie, NOW + 75_000, { ignoreExpiry: true })).toMatchObject(CLAIMS)
    }
  })

  it('a tampered token or another secret is refused, whatever was sealed before', async () => {
    const sealer = new SessionJwe(wire, SECRET)
    const token = await sealer.encode(CLAIMS, cookie, NOW, 60_000)
    // The second-to-last character: all six of its bits are the tag's (the last one's low bits are padding, so
    // changing only those may decode to the same bytes).
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`
    expect(await sealer.decode(tampered, cookie, NOW)).toBeUndefined()
    expect(await new SessionJwe(wire, `${SECRET}-other`).decode(token, cookie, NOW)).toBeUndefined()
  })
})

it('v5 salts with the cookie name: a token sealed for one name is not read under the other', async () => {
  const jwe = new SessionJwe(AUTHJS_V5, SECRET)
  const token = await jwe.encode(CLAIMS, 'authjs.session-token', NOW, 60_000)
  expect(await jwe.decode(token, '__Secure-authjs.session-token', NOW)).toBeUndefined()
})

it('CsrfHasher gives sha256(token + secret) as hex, remembered or not', async () => {
  const hasher = new CsrfHasher(SECRET)
  const expected = await sha256Hex(`abc${SECRET}`)
  expect(await hasher.hash('abc')).toBe(expected)
  expect(await hasher.hash('abc')).toBe(expected)
  expect(await new CsrfHasher('other').hash('abc')).not.toBe(expected)
})
