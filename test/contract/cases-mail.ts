import { expect } from 'vitest'
import { BASE, cookieValue, send, signIn } from './client.js'
import { FLOW_USERS } from './cases-mfa.js'
import { expectError, type ContractCase } from './expect-error.js'

const login = (username: string, password = username) => ({ json: { username, password } })

/** Email verification, password reset and magic links, each read back from the mailbox. */
export const mailCases: ContractCase[] = [
  {
    name: 'emailVerified: false gets 403 email_not_verified until the mailed token is posted',
    async run({ make, see }) {
      const t = await make({ users: FLOW_USERS })
      expectError(see('unverified sign-in', await send(t, 'POST', `${BASE}/login`, login('new'))), 403, 'email_not_verified')
      expect(see('resend', await send(t, 'POST', `${BASE}/verify-email/resend`, { json: { email: 'new@example.com' } })).body).toEqual({ message: expect.any(String) })
      const unknown = see('resend unknown', await send(t, 'POST', `${BASE}/verify-email/resend`, { json: { email: 'ghost@example.com' } }))
      expect(unknown.status).toBe(200)
      const mails = await t.control.mailbox()
      expect(mails).toHaveLength(1)
      const [mail] = mails
      expect(mail).toEqual({ id: expect.any(String), to: 'new@example.com', subject: 'Verify your email address', text: expect.stringContaining(mail!.link), link: `${t.origin}/verify-email?token=${mail!.token}`, token: expect.stringMatching(/^[\w-]{43}$/), kind: 'verify-email', at: expect.stringMatching(/^\d{4}-/) })
      const verified = see('verify', await send(t, 'POST', `${BASE}/verify-email`, { json: { token: mail!.token } }))
      expect(verified.body).toMatchObject({ message: 'Email verified', user: { id: 'new1', emailVerified: true } })
      expectError(see('verify again', await send(t, 'POST', `${BASE}/verify-email`, { json: { token: mail!.token } })), 400, 'invalid_verification_token')
      expect((await signIn(t, 'new', 'new')).res.status).toBe(200)
    },
  },
  {
    name: 'sign-up sends a verification mail; scenario unverified-email holds sign-in until it is followed',
    async run({ t, see }) {
      await t.control.use('unverified-email')
      expectError(see('seed user unverified', await send(t, 'POST', `${BASE}/login`, login('test'))), 403, 'email_not_verified')
      const reg = see('register unverified', await send(t, 'POST', `${BASE}/register`, { json: { email: 'kim@example.com', password: 'pw' } }))
      expect(reg.status).toBe(201)
      expect(reg.cookies).toEqual([])
      expect(reg.body).toMatchObject({ emailVerificationRequired: true, user: { email: 'kim@example.com' } })
      const [mail] = await t.control.mailbox('KIM@example.com')
      expect(mail).toMatchObject({ kind: 'verify-email', to: 'kim@example.com' })
      expectError(see('registered unverified', await send(t, 'POST', `${BASE}/login`, { json: { email: 'kim@example.com', password: 'pw' } })), 403, 'email_not_verified')
      expect((await send(t, 'POST', `${BASE}/verify-email`, { json: { token: mail!.token } })).status).toBe(200)
      expect((await send(t, 'POST', `${BASE}/login`, { json: { email: 'kim@example.com', password: 'pw' } })).status).toBe(200)
      // Under the default scenario sign-up still signs in at once, and still mails.
      await t.control.use('default')
      const plain = see('register default', await send(t, 'POST', `${BASE}/register`, { json: { email: 'lee@example.com', password: 'pw' } }))
      expect(plain.status).toBe(201)
      expect(plain.cookies).toHaveLength(2)
      expect((await t.control.mailbox('lee@example.com')).map((m) => m.kind)).toEqual(['verify-email'])
      expectError(see('bad verification token', await send(t, 'POST', `${BASE}/verify-email`, { json: { token: 'nope' } })), 400, 'invalid_verification_token')
    },
  },
  {
    name: 'forgot-password always 200; reset-password sets the password once and revokes every session',
    async run({ t, see }) {
      const s1 = await signIn(t)
      const s2 = await signIn(t)
      const known = see('forgot known', await send(t, 'POST', `${BASE}/forgot-password`, { json: { email: 'test@example.com', redirectTo: 'http://app.test/reset' } }))
      const unknown = see('forgot unknown', await send(t, 'POST', `${BASE}/forgot-password`, { json: { email: 'ghost@example.com' } }))
      expect(known.status).toBe(200)
      expect(unknown.body).toEqual(known.body)
      const mails = await t.control.mailbox()
      expect(mails.map((m) => [m.to, m.kind])).toEqual([['test@example.com', 'reset-password']])
      const [mail] = mails
      expect(mail!.link).toBe(`http://app.test/reset?token=${mail!.token}`)
      const reset = see('reset', await send(t, 'POST', `${BASE}/reset-password`, { json: { token: mail!.token, password: 'n3w' } }))
      expect(reset.body).toMatchObject({ revokedSessions: 2 })
      expect(cookieValue(reset, 'session')).toBe('')
      for (const s of [s1, s2]) expectError(await send(t, 'GET', `${BASE}/me`, { bearer: s.access }), 401, 'invalid_token')
      expectError(see('refresh after reset', await send(t, 'POST', `${BASE}/refresh`, { json: { refreshToken: s1.refresh } })), 401, 'invalid_refresh_token')
      expectError(see('reset again', await send(t, 'POST', `${BASE}/reset-password`, { json: { token: mail!.token, password: 'x' } })), 400, 'invalid_reset_token')
      expectError(await send(t, 'POST', `${BASE}/login`, login('test')), 401, 'invalid_credentials')
      expect((await signIn(t, 'test', 'n3w')).res.status).toBe(200)
      expectError(see('forgot bad redirect', await send(t, 'POST', `${BASE}/forgot-password`, { json: { email: 'a@b.c', redirectTo: 'javascript:alert(1)' } })), 400, 'invalid_request')
      expectError(see('forgot no email', await send(t, 'POST', `${BASE}/forgot-password`, { json: {} })), 400, 'invalid_request')
    },
  },
  {
    name: 'a reset token expires after 30 minutes of engine clock',
    async run({ t, see }) {
      await send(t, 'POST', `${BASE}/forgot-password`, { json: { email: 'test@example.com' } })
      const [mail] = await t.control.mailbox()
      expect(mail!.link).toBe(`${t.origin}/reset-password?token=${mail!.token}`)
      await t.control.advance('30m')
      expectError(see('reset expired', await send(t, 'POST', `${BASE}/reset-password`, { json: { token: mail!.token, password: 'x' } })), 400, 'invalid_reset_token')
      expect((await signIn(t)).res.status).toBe(200)
    },
  },
  {
    name: 'a magic link signs in by GET (cookies and a redirect) or by POST (the sign-in answer), once',
    async run({ t, see }) {
      expect(see('magic request', await send(t, 'POST', `${BASE}/magic-link`, { json: { email: 'test@example.com', redirectTo: '/dashboard' } })).status).toBe(200)
      await send(t, 'POST', `${BASE}/magic-link`, { json: { email: 'admin@example.com' } })
      const [first, second] = await t.control.mailbox()
      expect(first).toMatchObject({ kind: 'magic-link', to: 'test@example.com', subject: 'Your sign-in link', link: `${t.origin}${BASE}/magic-link/verify?token=${first!.token}` })
      const followed = see('magic GET', await t.send(new Request(first!.link, { redirect: 'manual' })))
      expect(followed.status).toBe(302)
      expect(followed.headers.location).toBe(`${t.origin}/dashboard`)
      const access = cookieValue(followed, 'session')!
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: access })).body).toMatchObject({ user: { id: 'user123' } })
      expectError(see('magic GET again', await t.send(new Request(first!.link, { redirect: 'manual' }))), 400, 'invalid_magic_link_token')
      const posted = see('magic POST', await send(t, 'POST', `${BASE}/magic-link/verify`, { json: { token: second!.token } }))
      expect(posted.body).toMatchObject({ message: 'Authenticated', user: { id: 'admin1' } })
      expect(posted.cookies).toHaveLength(2)
    },
  },
  {
    name: 'a magic link to a new address signs that address up; it expires after 15 minutes',
    async run({ t, see }) {
      await send(t, 'POST', `${BASE}/magic-link`, { json: { email: 'fresh@example.com' } })
      await send(t, 'POST', `${BASE}/magic-link`, { json: { email: 'late@example.com' } })
      const [fresh, late] = await t.control.mailbox()
      const posted = see('magic sign-up', await send(t, 'POST', `${BASE}/magic-link/verify`, { json: { token: fresh!.token } }))
      expect(posted.body).toMatchObject({ user: { username: 'fresh@example.com', email: 'fresh@example.com', emailVerified: true } })
      await t.control.advance('15m')
      expectError(see('magic expired', await send(t, 'POST', `${BASE}/magic-link/verify`, { json: { token: late!.token } })), 400, 'invalid_magic_link_token')
      await t.control.reset()
      expect(await t.control.mailbox()).toEqual([])
    },
  },
]
