import { expect, it } from 'vitest'
import type { NextAuthTarget } from './next-auth-cases.js'
import { capturedNavigation, followProvider } from './oauth-follow.js'

/** What differs between the versions for a sign-in through the mock identity providers. */
export interface NextAuthOAuthExpectations {
  /** Google's `type` in `/providers`: v4 `oauth`, v5 `oidc`. */
  googleType: 'oauth' | 'oidc'
  /** Where the callback sends the browser (path and query under the app's origin). */
  denied: string
  providerError: string
  unverified: string
  /** `POST /signin/google` without a CSRF token. */
  missingCsrf: string
}

/**
 * `signIn('google')` with the real client, unmodified: the client posts to `/signin/google`,
 * gets the provider's URL, the "browser" follows it with the account picked (login_hint or
 * `chooseAccount()`), and the callback sets the same session cookie as a credentials sign-in.
 */
export function nextAuthSocialCases(target: () => NextAuthTarget, oauth: NextAuthOAuthExpectations): void {
  const start = (t: NextAuthTarget, provider: string, params?: Record<string, string>) =>
    capturedNavigation(t.origin, () => t.client().signIn(provider, { redirect: false, callbackUrl: `${t.origin}/dashboard` }, params))
  const callbackOf = (t: NextAuthTarget, id: string) => `${t.origin}/api/auth/callback/${id}`

  it('getProviders lists the mock identity providers next to credentials and email', async () => {
    const t = target()
    const providers = await t.client().getProviders()
    expect(providers?.google).toEqual({ id: 'google', name: 'Google', type: oauth.googleType, signinUrl: `${t.origin}/api/auth/signin/google`, callbackUrl: callbackOf(t, 'google') })
    expect(providers?.github).toMatchObject({ id: 'github', type: 'oauth', callbackUrl: callbackOf(t, 'github') })
  })

  it("signIn('google') with login_hint: the chooser is skipped, the callback signs in the user with that email (the same user as a password sign-in)", async () => {
    const t = target()
    const url = await start(t, 'google', { login_hint: 'test@example.com' })
    const authorize = new URL(url)
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${t.origin}/oidc/google/authorize`)
    expect(authorize.searchParams.get('redirect_uri')).toBe(callbackOf(t, 'google'))
    expect(authorize.searchParams.get('login_hint')).toBe('test@example.com')
    const back = await followProvider(url, callbackOf(t, 'google'))
    expect(back).toMatchObject({ status: 302, location: `${t.origin}/dashboard` })
    const session = await t.client().getSession()
    expect(session?.user).toMatchObject({ name: 'Test User', email: 'test@example.com' })
    const decoded = await t.decode(decodeURIComponent(t.cookies().jar.get(t.sessionCookie)!))
    expect(decoded).toMatchObject({ sub: 'user123', email: 'test@example.com' })
  })

  it("signIn('github'): GitHub's own /login/oauth/authorize, its `login` account picked by chooseAccount(), back signed in as the user with that email (no id_token: the profile comes from /user and /user/emails)", async () => {
    const t = target()
    await t.chooseAccount('github', 'admin')
    const url = await start(t, 'github')
    const authorize = new URL(url)
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${t.origin}/oidc/github/login/oauth/authorize`)
    expect(authorize.searchParams.get('redirect_uri')).toBe(callbackOf(t, 'github'))
    // GitHub takes no response_type and speaks no OpenID Connect.
    expect(authorize.searchParams.has('response_type')).toBe(false)
    const back = await followProvider(url, callbackOf(t, 'github'))
    expect(back).toMatchObject({ status: 302, location: `${t.origin}/dashboard` })
    expect((await t.client().getSession())?.user).toMatchObject({ name: 'Admin User', email: 'admin@example.com' })
    const decoded = await t.decode(decodeURIComponent(t.cookies().jar.get(t.sessionCookie)!))
    // The same user as a password sign-in with admin/admin: the email matched a seeded user.
    expect(decoded).toMatchObject({ sub: 'admin1', email: 'admin@example.com' })
  })

  it('an account no user has: chooseAccount() picks it, a user is created, and the next sign-in lands on the same user', async () => {
    const t = target()
    const ids: unknown[] = []
    for (let i = 0; i < 2; i++) {
      t.cookies().jar.clear()
      await t.chooseAccount('acme', 'newcomer@example.com')
      const back = await followProvider(await start(t, 'acme'), callbackOf(t, 'acme'))
      expect(back.location).toBe(`${t.origin}/dashboard`)
      expect((await t.client().getSession())?.user).toMatchObject({ name: 'New Comer', email: 'newcomer@example.com' })
      ids.push((await t.decode(decodeURIComponent(t.cookies().jar.get(t.sessionCookie)!)))?.sub)
    }
    expect(ids[0]).toBe(ids[1])
    expect(ids[0]).not.toBe('user123')
  })

  it('POST /signin/google without the CSRF token is refused as next-auth refuses it, and no provider URL is given', async () => {
    const t = target()
    const res = await fetch(`${t.origin}/api/auth/signin/google`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ callbackUrl: `${t.origin}/dashboard`, json: 'true' }),
    })
    expect(((await res.json()) as { url: string }).url).toBe(`${t.origin}${oauth.missingCsrf}`)
  })

  it('the HTML sign-in page has a "Sign in with Google" form; posting it as a browser does answers 302 to the provider', async () => {
    const t = target()
    const html = await (await fetch(`${t.origin}/api/auth/signin?callbackUrl=${encodeURIComponent(`${t.origin}/dashboard`)}`)).text()
    const form = /<form method="post" action="([^"]+\/signin\/google)">\s*<input type="hidden" name="csrfToken" value="([0-9a-f]+)">/.exec(html)
    expect(form, html).not.toBeNull()
    expect(html).toContain('Sign in with Google</button>')
    const res = await fetch(form![1]!, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrfToken: form![2]!, callbackUrl: `${t.origin}/dashboard` }) })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(new RegExp(`^${t.origin}/oidc/google/authorize\\?`))
  })

  for (const [scenario, key] of [['provider-denied', 'denied'], ['provider-error', 'providerError'], ['provider-unverified-email', 'unverified']] as const) {
    it(`scenario ${scenario}: the callback redirects to next-auth's ${oauth[key]}, no session`, async () => {
      const t = target()
      await t.use(scenario)
      const url = await start(t, 'google', { login_hint: 'test@example.com' })
      const back = await followProvider(url, callbackOf(t, 'google'))
      expect(back).toMatchObject({ status: 302, location: `${t.origin}${oauth[key]}` })
      expect(t.cookies().jar.has(t.sessionCookie)).toBe(false)
      await t.use('default')
      expect(await t.client().getSession()).toBeNull()
    })
  }
}
