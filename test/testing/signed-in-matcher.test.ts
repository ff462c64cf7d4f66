import { describe, expect, it } from 'vitest'
import { totpCode } from '../../src/index.js'
import { setupMockAuth } from '../../src/testing/vitest.js'

const secret = 'JBSWY3DPEHPK3PXP'
const mockAuth = setupMockAuth({
  users: [
    { id: 'u1', username: 'otp', email: 'otp@example.com', password: 'pw', mfa: { totp: secret } },
    { id: 'u2', username: 'mail', email: 'mail@example.com', password: 'pw' },
  ],
})
const post = (path: string, body: unknown) => fetch(`http://localhost/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('toHaveSignedIn: every route that ends signed in, and only those', () => {
  it('an MFA challenge is no sign-in; its second factor is', async () => {
    const { challengeId } = (await (await post('/login', { username: 'otp', password: 'pw' })).json()) as { challengeId: string }
    expect(mockAuth).not.toHaveSignedIn()
    expect(() => expect(mockAuth).toHaveSignedIn()).toThrow(/Journal entries for signIn \(1\):\n {2}#1 .* 200 \(signIn, scenario default/)
    expect((await post('/mfa/verify', { challengeId, code: await totpCode(secret, mockAuth.clock.now()) })).status).toBe(200)
    expect(mockAuth).toHaveSignedIn('otp')
    expect(() => expect(mockAuth).not.toHaveSignedIn('otp@example.com')).toThrow(/Journal entries for signIn, mfaVerify \(2\)/)
  })

  it('a followed magic link is (a 302 to the app)', async () => {
    await post('/magic-link', { email: 'mail@example.com' })
    const [mail] = mockAuth.mailbox({ to: 'mail@example.com' })
    expect((await fetch(mail!.link!, { redirect: 'manual' })).status).toBe(302)
    expect(mockAuth).toHaveSignedIn('mail')
  })

  it("a social sign-in's callback is (the redirect flow, the account picked ahead)", async () => {
    mockAuth.chooseAccount('google', 'test@example.com')
    let url = 'http://localhost/api/auth/signin/google?callbackUrl=%2Fdone'
    for (let hop = 0; hop < 5 && !url.endsWith('/done'); hop++) {
      const res = await fetch(url, { redirect: 'manual' })
      expect(res.status, url).toBe(302)
      url = new URL(res.headers.get('location')!, url).href
    }
    expect(url).toBe('http://localhost/done')
    expect(mockAuth).toHaveSignedIn('test@example.com')
    expect(mockAuth).toHaveHandled('socialCallback', { status: 302, error: null })
  })

  it('a refused sign-in is not, and says what it looked at', async () => {
    await post('/login', { username: 'mail', password: 'wrong' })
    expect(mockAuth).not.toHaveSignedIn()
    expect(() => expect(mockAuth).toHaveSignedIn('mail')).toThrow(/401 invalid_credentials/)
  })
})
