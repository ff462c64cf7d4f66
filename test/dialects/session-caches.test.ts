import { describe, expect, it } from 'vitest'
import { createMockAuth } from '../../src/node/index.js'
import { AUTHJS_V5 } from '../../src/dialects/authjs/index.js'
import { NEXT_AUTH_V4, SessionJwe } from '../../src/dialects/next-auth/index.js'
import { CookieSigner } from '../../src/dialects/better-auth/session-cookie.js'
import { nodeJweCipher } from '../../src/server/node-jwe-cipher.js'

/**
 * What the dialects remember to answer a session read without its cryptography (a seal re-used
 * within its second, a cookie string opened or verified once) must never change an answer: a
 * revoked session, an expired cookie and a forged one read exactly as without the caches.
 */
const SECRET = 'a-secret-for-the-session-cache-tests-0123456789'
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)
const CLAIMS = { sub: 'user123', sid: 'session-1', name: 'Test User', email: 'test@example.com' }

const forge = (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`

describe.each([
  ['next-auth', NEXT_AUTH_V4, 'next-auth.session-token'],
  ['authjs', AUTHJS_V5, 'authjs.session-token'],
] as const)('%s SessionJwe caches', (_name, wire, cookie) => {
  it.each([
    ['jose', undefined],
    ['node:crypto', nodeJweCipher],
  ] as const)('re-uses a seal (%s) only for the same payload within the same second', async (_how, cipher) => {
    const jwe = new SessionJwe(wire, SECRET, cipher)
    const first = await jwe.encode(CLAIMS, cookie, NOW, 60_000)
    expect(await jwe.encode(CLAIMS, cookie, NOW + 999, 60_000)).toBe(first)
    // The next second, another lifetime or other claims: another seal.
    const later = await jwe.encode(CLAIMS, cookie, NOW + 1000, 60_000)
    expect(later).not.toBe(first)
    expect(await jwe.encode(CLAIMS, cookie, NOW, 120_000)).not.toBe(first)
    expect(await jwe.encode({ ...CLAIMS, name: 'Renamed' }, cookie, NOW, 60_000)).not.toBe(first)
    expect(await jwe.encode({ ...CLAIMS, sid: 'session-2' }, cookie, NOW, 60_000)).not.toBe(first)
    // What a re-used seal carries is what a fresh one would: another instance opens both alike.
    const other = new SessionJwe(wire, SECRET)
    expect(await other.decode(first, cookie, NOW)).toMatchObject({ ...CLAIMS, iat: NOW / 1000, exp: NOW / 1000 + 60 })
    expect(await other.decode(later, cookie, NOW)).toMatchObject({ ...CLAIMS, iat: NOW / 1000 + 1, exp: NOW / 1000 + 61 })
  })

  it('a token it opened once is still refused once expired, and a forged one always', async () => {
    const token = await new SessionJwe(wire, SECRET).encode(CLAIMS, cookie, NOW, 60_000)
    const reader = new SessionJwe(wire, SECRET)
    // Opened by decryption, then read again (remembered): the same claims, the same expiry rule.
    const opened = await reader.decode(token, cookie, NOW)
    expect(opened).toMatchObject(CLAIMS)
    expect(await reader.decode(token, cookie, NOW)).toEqual(opened)
    expect(await reader.decode(token, cookie, NOW + 74_000)).toEqual(opened)
    expect(await reader.decode(token, cookie, NOW + 75_000)).toBeUndefined()
    expect(await reader.decode(token, cookie, NOW + 75_000, { ignoreExpiry: true })).toEqual(opened)
    expect(await reader.decode(forge(token), cookie, NOW)).toBeUndefined()
    // Another secret never opens it, whatever this instance remembers.
    expect(await new SessionJwe(wire, `${SECRET}-other`).decode(token, cookie, NOW)).toBeUndefined()
  })
})

describe('better-auth CookieSigner cache', () => {
  it('a signed or verified cookie keeps its value; a tampered one or another secret is refused', async () => {
    const signer = new CookieSigner(SECRET)
    const signed = await signer.sign('sid.secret')
    expect(await signer.verify(signed)).toBe('sid.secret')
    expect(await signer.verify(signed)).toBe('sid.secret')
    const mac = signed.slice(signed.lastIndexOf('.') + 1)
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`
    expect(await signer.verify(`sid.secret.${flipped}`)).toBeUndefined()
    expect(await signer.verify(`sid.other.${mac}`)).toBeUndefined()
    // Verified by another instance of the same secret (its HMAC), then remembered there too.
    const reader = new CookieSigner(SECRET)
    expect(await reader.verify(signed)).toBe('sid.secret')
    expect(await reader.verify(signed)).toBe('sid.secret')
    expect(await new CookieSigner(`${SECRET}-other`).verify(signed)).toBeUndefined()
  })
})

/** A frozen engine clock: every read below happens in the same second unless the test moves it. */
function frozen() {
  let now = NOW
  return { clock: { start: NOW, source: () => now }, move: (ms: number) => (now += ms) }
}

const pair = (line: string) => line.split(';', 1)[0] ?? ''

describe.each(['next-auth', 'authjs'] as const)('%s dialect: the rolling cookie with the caches', (dialect) => {
  const prefix = dialect === 'next-auth' ? 'next-auth' : 'authjs'
  const signedOut = dialect === 'next-auth' ? {} : null

  async function session(auth: ReturnType<typeof createMockAuth>, cookie: string) {
    const result = await auth.engine.fetch(new Request('http://localhost/api/auth/session', { headers: { cookie } }))
    const rolled = result?.cookies.find((line) => line.startsWith(`${prefix}.session-token=`))
    return { body: JSON.parse(result?.body ?? 'undefined') as unknown, rolled }
  }

  it('a revoked session reads signed out with the very cookie that read signed in a moment before', async () => {
    const time = frozen()
    const auth = createMockAuth({ dialect, secret: SECRET, clock: time.clock })
    const signed = await auth.signIn('test')
    const cookie = pair(signed.cookies[0]!)
    const first = await session(auth, cookie)
    expect(first.body).toMatchObject({ user: { name: 'Test User' } })
    // Same second, same session: the same seal again (a client cannot tell two seals of one payload apart).
    const second = await session(auth, cookie)
    expect(second.rolled).toBe(first.rolled)
    auth.engine.namespace().store.revokeUserSessions(signed.user.id)
    for (const presented of [cookie, pair(first.rolled!)]) {
      const after = await session(auth, presented)
      expect(after.body).toEqual(signedOut)
      expect(after.rolled).toMatch(/Max-Age=0/)
    }
  })

  it('a cookie read before reads signed out once the clock passes its expiry; a forged one never reads', async () => {
    const time = frozen()
    const auth = createMockAuth({ dialect, secret: SECRET, clock: time.clock })
    const cookie = pair((await auth.signIn('test', { ttl: '10s' })).cookies[0]!)
    expect((await session(auth, cookie)).body).toMatchObject({ user: { name: 'Test User' } })
    const value = cookie.slice(cookie.indexOf('=') + 1)
    expect((await session(auth, `${prefix}.session-token=${forge(value)}`)).body).toEqual(signedOut)
    // 10 s, plus next-auth's 15 s of leeway (the reads above rolled the store session, not this cookie).
    time.move(24_000)
    expect((await session(auth, cookie)).body).toMatchObject({ user: { name: 'Test User' } })
    time.move(1000)
    expect((await session(auth, cookie)).body).toEqual(signedOut)
  })

  it("a changed user gets a new seal in the same second, carrying the new name", async () => {
    const time = frozen()
    const auth = createMockAuth({ dialect, secret: SECRET, clock: time.clock })
    const signed = await auth.signIn('test')
    const cookie = pair(signed.cookies[0]!)
    const before = await session(auth, cookie)
    auth.engine.namespace().store.users.update(signed.user.id, { name: 'Renamed User' })
    const after = await session(auth, cookie)
    expect(after.body).toMatchObject({ user: { name: 'Renamed User' } })
    expect(after.rolled).not.toBe(before.rolled)
  })
})

it('the jweCipher option seals the session JWE (mock-auth/node passes node:crypto\'s); the cookie still opens', async () => {
  const used: string[] = []
  const auth = createMockAuth({ dialect: 'authjs', secret: SECRET, jweCipher: (enc, ...rest) => (used.push(enc), nodeJweCipher(enc, ...rest)) })
  const cookie = pair((await auth.signIn('test')).cookies[0]!)
  expect(used).toEqual(['A256CBC-HS512'])
  const token = cookie.slice(cookie.indexOf('=') + 1)
  expect(await new SessionJwe(AUTHJS_V5, SECRET).decode(token, 'authjs.session-token', Date.now())).toMatchObject({ email: 'test@example.com' })
})
