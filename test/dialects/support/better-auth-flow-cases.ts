import { createAuthClient } from 'better-auth/client'
import { magicLinkClient, twoFactorClient } from 'better-auth/client/plugins'
import { expect, it } from 'vitest'
import type { Mail } from '../../../src/core/index.js'
import { jarFetch, type BetterAuthTarget } from './better-auth-cases.js'

export interface FlowTarget extends BetterAuthTarget {
  mailbox(): Promise<Mail[]>
}

/**
 * Issue 13 through better-auth 1.7's real client with its twoFactor and magic-link client plugins,
 * unmodified: the second factor, password reset, email verification and magic links, each mail
 * read from mock-auth's mailbox.
 */
export function betterAuthFlowCases(target: () => FlowTarget): void {
  const client = () => {
    const t = target()
    const jar = jarFetch(t.origin)
    const redirects: unknown[] = []
    const auth = createAuthClient({
      baseURL: t.origin,
      fetchOptions: { customFetchImpl: jar.impl },
      plugins: [twoFactorClient({ onTwoFactorRedirect: (context) => void redirects.push(context) }), magicLinkClient()],
    })
    return { t, jar, auth, redirects }
  }

  it('twoFactor: sign-in answers twoFactorRedirect and its cookie, no session; verifyTotp signs in', async () => {
    const { t, jar, auth, redirects } = client()
    await t.use('mfa')
    const first = await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect(first.data).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] })
    expect(redirects).toEqual([{ twoFactorMethods: ['totp'] }])
    expect(jar.jar.has('better-auth.two_factor')).toBe(true)
    expect(jar.jar.has('better-auth.session_token')).toBe(false)
    expect((await auth.getSession()).data).toBeNull()
    const wrong = await auth.twoFactor.verifyTotp({ code: '123456' })
    expect(wrong.error).toMatchObject({ status: 401, code: 'INVALID_CODE', message: 'Invalid code' })
    const right = await auth.twoFactor.verifyTotp({ code: '000000' })
    expect(right.error).toBeNull()
    expect(right.data).toMatchObject({ token: expect.any(String), user: { id: 'user123', email: 'test@example.com' } })
    expect(jar.jar.has('better-auth.two_factor')).toBe(false)
    expect((await auth.getSession()).data?.user.id).toBe('user123')
    // The challenge is used up.
    expect((await auth.twoFactor.verifyTotp({ code: '000000' })).error).toMatchObject({ status: 401, code: 'INVALID_TWO_FACTOR_COOKIE' })
  })

  it('twoFactor: five wrong codes, then TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE; no cookie is INVALID_TWO_FACTOR_COOKIE', async () => {
    const { t, auth } = client()
    await t.use('mfa')
    expect((await auth.twoFactor.verifyTotp({ code: '000000' })).error).toMatchObject({ status: 401, code: 'INVALID_TWO_FACTOR_COOKIE' })
    await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    for (let i = 0; i < 5; i++) expect((await auth.twoFactor.verifyTotp({ code: '999999' })).error).toMatchObject({ status: 401, code: 'INVALID_CODE' })
    expect((await auth.twoFactor.verifyTotp({ code: '000000' })).error).toMatchObject({ status: 400, code: 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' })
  })

  it('password reset: requestPasswordReset mails a link; it redirects with the token; resetPassword sets it once', async () => {
    const { t, jar, auth } = client()
    const asked = await auth.requestPasswordReset({ email: 'test@example.com', redirectTo: '/reset' })
    expect(asked.data).toEqual({ status: true, message: 'If this email exists in our system, check your email for the reset link' })
    expect((await auth.requestPasswordReset({ email: 'ghost@example.com' })).data).toEqual(asked.data)
    const [mail] = await t.mailbox()
    expect(mail).toMatchObject({ kind: 'reset-password', to: 'test@example.com', link: `${t.origin}/api/auth/reset-password/${mail!.token}?callbackURL=%2Freset` })
    const followed = await jar.impl(mail!.link, { redirect: 'manual' })
    expect(followed.status).toBe(302)
    expect(followed.headers.get('location')).toBe(`${t.origin}/reset?token=${mail!.token}`)
    expect((await auth.resetPassword({ newPassword: 'brand-new-password', token: mail!.token })).data).toEqual({ status: true })
    expect((await auth.resetPassword({ newPassword: 'brand-new-password', token: mail!.token })).error).toMatchObject({ status: 400, code: 'INVALID_TOKEN' })
    expect((await auth.signIn.email({ email: 'test@example.com', password: 'brand-new-password' })).error).toBeNull()
  })

  it('email verification: unverified-email refuses sign-in; sendVerificationEmail and verifyEmail let the user in', async () => {
    const { t, auth } = client()
    await t.use('unverified-email')
    expect((await auth.signIn.email({ email: 'test@example.com', password: 'test' })).error).toMatchObject({ status: 403, code: 'EMAIL_NOT_VERIFIED' })
    expect((await auth.sendVerificationEmail({ email: 'test@example.com', callbackURL: '/welcome' })).data).toEqual({ status: true })
    const [mail] = await t.mailbox()
    expect(mail).toMatchObject({ kind: 'verify-email', link: `${t.origin}/api/auth/verify-email?token=${mail!.token}&callbackURL=%2Fwelcome` })
    expect((await auth.verifyEmail({ query: { token: mail!.token } })).data).toEqual({ status: true, user: null })
    expect((await auth.verifyEmail({ query: { token: mail!.token } })).error).toMatchObject({ status: 401, code: 'INVALID_TOKEN' })
    const signedIn = await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect(signedIn.data?.user).toMatchObject({ emailVerified: true })
  })

  it('magic link: signIn.magicLink mails a link; following it sets the session and redirects; verify() is the JSON form', async () => {
    const { t, jar, auth } = client()
    expect((await auth.signIn.magicLink({ email: 'test@example.com', callbackURL: '/dashboard' })).data).toEqual({ status: true })
    const [mail] = await t.mailbox()
    expect(mail!.link).toBe(`${t.origin}/api/auth/magic-link/verify?token=${mail!.token}&callbackURL=%2Fdashboard`)
    const followed = await jar.impl(mail!.link, { redirect: 'manual' })
    expect(followed.status).toBe(302)
    expect(followed.headers.get('location')).toBe(`${t.origin}/dashboard`)
    expect((await auth.getSession()).data?.user.email).toBe('test@example.com')
    const again = await jar.impl(mail!.link, { redirect: 'manual' })
    expect(again.headers.get('location')).toBe(`${t.origin}/dashboard?error=INVALID_TOKEN`)
    await auth.signIn.magicLink({ email: 'fresh@example.com' })
    const fresh = (await t.mailbox()).at(-1)!
    const verified = await auth.magicLink.verify({ query: { token: fresh.token } })
    expect(verified.error).toBeNull()
    expect(verified.data).toMatchObject({ token: expect.any(String), user: { email: 'fresh@example.com', emailVerified: true }, session: { token: expect.any(String) } })
  })
}
