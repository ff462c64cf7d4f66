import { createAuthClient } from 'better-auth/client'
import { expect, it } from 'vitest'
import { jarFetch, type BetterAuthTarget } from './better-auth-cases.js'
import { followProvider } from './oauth-follow.js'

export interface SocialTarget extends BetterAuthTarget {
  /** The account the next authorization at a mock provider gets (the controls' `chooseAccount`). */
  chooseAccount(provider: string, account: string): Promise<void>
}

/**
 * `signIn.social` through better-auth 1.7's real `createAuthClient`, unmodified: `{ url,
 * redirect: true }`, the "browser" follows the provider's URL with the account picked
 * (`loginHint` or `chooseAccount()`), and `/callback/<id>` sets better-auth's session cookie.
 */
export function betterAuthSocialCases(target: () => SocialTarget): void {
  const client = () => {
    const t = target()
    const jar = jarFetch(t.origin)
    const auth = createAuthClient({ baseURL: t.origin, fetchOptions: { customFetchImpl: jar.impl } })
    return { t, jar, auth }
  }
  const callbackOf = (t: BetterAuthTarget, id: string) => `${t.origin}/api/auth/callback/${id}`

  it("signIn.social({ provider: 'google', loginHint }): { url, redirect: true }; the callback signs in the user with that email", async () => {
    const { t, jar, auth } = client()
    const started = await auth.signIn.social({ provider: 'google', callbackURL: '/dashboard', loginHint: 'test@example.com' })
    expect(started.error).toBeNull()
    expect(started.data).toMatchObject({ redirect: true })
    const url = new URL(started.data!.url!)
    expect(`${url.origin}${url.pathname}`).toBe(`${t.origin}/oidc/google/authorize`)
    expect(url.searchParams.get('redirect_uri')).toBe(callbackOf(t, 'google'))
    const back = await followProvider(url.href, callbackOf(t, 'google'), jar.impl)
    expect(back).toMatchObject({ status: 302, location: '/dashboard' })
    expect(jar.jar.has('better-auth.session_token')).toBe(true)
    const session = await auth.getSession()
    expect(session.data?.user).toMatchObject({ id: 'user123', email: 'test@example.com', name: 'Test User' })
  })

  it("signIn.social({ provider: 'github' }): GitHub's own /login/oauth/authorize (no OpenID Connect), its `login` picked by chooseAccount(), back signed in as the user with that email", async () => {
    const { t, jar, auth } = client()
    await t.chooseAccount('github', 'admin')
    const started = await auth.signIn.social({ provider: 'github', callbackURL: '/dashboard' })
    expect(started.error).toBeNull()
    expect(started.data).toMatchObject({ redirect: true })
    const url = new URL(started.data!.url!)
    expect(`${url.origin}${url.pathname}`).toBe(`${t.origin}/oidc/github/login/oauth/authorize`)
    expect(url.searchParams.get('redirect_uri')).toBe(callbackOf(t, 'github'))
    expect(url.searchParams.has('response_type')).toBe(false)
    const back = await followProvider(url.href, callbackOf(t, 'github'), jar.impl)
    expect(back).toMatchObject({ status: 302, location: '/dashboard' })
    const session = await auth.getSession()
    // The seeded user admin/admin, found by the email GitHub's /user/emails gives.
    expect(session.data?.user).toMatchObject({ id: 'admin1', email: 'admin@example.com', name: 'Admin User' })
  })

  it('an account no user has (chooseAccount): a user is created, newUserCallbackURL is where it lands; the second time, callbackURL and the same user', async () => {
    const { t, jar, auth } = client()
    const ids: unknown[] = []
    for (const expected of ['/welcome', '/dashboard']) {
      jar.jar.clear()
      await t.chooseAccount('acme', 'newcomer@example.com')
      const started = await auth.signIn.social({ provider: 'acme' as 'google', callbackURL: '/dashboard', newUserCallbackURL: '/welcome' })
      const back = await followProvider(started.data!.url!, callbackOf(t, 'acme'), jar.impl)
      expect(back.location).toBe(expected)
      const session = await auth.getSession()
      expect(session.data?.user).toMatchObject({ email: 'newcomer@example.com', name: 'New Comer' })
      ids.push(session.data?.user.id)
    }
    expect(ids[0]).toBe(ids[1])
  })

  it('an unknown provider: 404 PROVIDER_NOT_FOUND', async () => {
    const { auth } = client()
    const started = await auth.signIn.social({ provider: 'nope' as 'google', callbackURL: '/dashboard' })
    expect(started.data).toBeNull()
    expect(started.error).toMatchObject({ status: 404, code: 'PROVIDER_NOT_FOUND' })
  })

  const failures = [
    ['provider-denied', 'access_denied'],
    ['provider-error', 'invalid_code'],
    ['provider-unverified-email', 'account_not_linked'],
  ] as const
  for (const [scenario, error] of failures) {
    it(`scenario ${scenario}: the callback redirects to errorCallbackURL (else /api/auth/error) with error=${error}, no session`, async () => {
      const { t, jar, auth } = client()
      await t.use(scenario)
      for (const errorCallbackURL of ['/login', undefined]) {
        const started = await auth.signIn.social({ provider: 'google', callbackURL: '/dashboard', loginHint: 'test@example.com', ...(errorCallbackURL ? { errorCallbackURL } : {}) })
        const back = await followProvider(started.data!.url!, callbackOf(t, 'google'), jar.impl)
        const location = new URL(back.location, t.origin)
        expect(back.status).toBe(302)
        expect(`${location.origin}${location.pathname}`).toBe(`${t.origin}${errorCallbackURL ?? '/api/auth/error'}`)
        expect(location.searchParams.get('error')).toBe(error)
        expect(jar.jar.has('better-auth.session_token')).toBe(false)
      }
      await t.use('default')
      expect((await auth.getSession()).data).toBeNull()
    })
  }
}
