import { expect } from 'vitest'
import type { ContractCase } from './expect-error.js'
import { NextAuthWireClient, normalized } from './next-auth-client.js'
import type { NextAuthVersion } from './cases-next-auth.js'

/** Where a redirect answer points: the `{ url }` of a JSON answer, else the Location of a 302. */
function target(res: { status: number; headers: Record<string, string>; body: unknown }): URL {
  const url = res.status === 302 ? res.headers.location : (res.body as { url?: string } | null)?.url
  expect(url, `a redirect, got ${res.status} ${JSON.stringify(res.body)}`).toBeTruthy()
  return new URL(url ?? '', 'http://relative.invalid')
}

/**
 * `signIn('google')` as next-auth's client runs it, hop by hop on every transport: POST
 * /signin/google (CSRF) → `{ url }` of the provider → its 302 back to /callback/google → the
 * session JWE and a 302 to the callback URL; then /session names the user the email matched.
 */
export function nextAuthSocialCases(v: NextAuthVersion): ContractCase[] {
  const start = async (c: NextAuthWireClient, hint: string) => {
    const res = await c.form(`/signin/google?login_hint=${encodeURIComponent(hint)}`, { csrfToken: await c.csrf(), callbackUrl: '/home', ...v.jsonFields }, v.jsonHeaders)
    expect(res.status).toBe(200)
    return target(res)
  }
  /** The provider's authorize step, then the app's callback: the callback's answer. */
  const roundTrip = async (c: NextAuthWireClient, authorize: URL) => {
    expect(authorize.pathname).toBe('/oidc/google/authorize')
    const back = target(await c.send('GET', `${authorize.pathname}${authorize.search}`, { root: true }))
    expect(back.pathname).toBe('/api/auth/callback/google')
    return c.send('GET', `/callback/google${back.search}`)
  }
  return [
    {
      name: `${v.prefix}: signIn('google') through the mock Google signs in the user whose email matches, with the session JWE`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const authorize = await start(c, 'test@example.com')
        expect(authorize.searchParams.get('redirect_uri')).toBe(`${t.origin}/api/auth/callback/google`)
        const done = await roundTrip(c, authorize)
        see('callback', { ...normalized(done, t.origin), cookies: done.cookies.map((l) => l.slice(0, l.indexOf('='))) })
        expect(done.status).toBe(302)
        expect(done.headers.location).toBe(`${t.origin}/home`)
        expect(c.jar.has(c.session)).toBe(true)
        expect((await c.send('GET', '/session')).body).toMatchObject({ user: { name: 'Test User', email: 'test@example.com' } })
      },
    },
    {
      name: `${v.prefix}: signIn('github') through the mock GitHub (OAuth 2.0, no id_token) signs in the same user`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const res = await c.form(`/signin/github?login_hint=test%40example.com`, { csrfToken: await c.csrf(), callbackUrl: '/home', ...v.jsonFields }, v.jsonHeaders)
        const authorize = target(res)
        // GitHub's own paths (github.com/login/oauth/authorize) under the mount.
        expect(authorize.pathname).toBe('/oidc/github/login/oauth/authorize')
        const back = target(await c.send('GET', `${authorize.pathname}${authorize.search}`, { root: true }))
        expect(back.pathname).toBe('/api/auth/callback/github')
        const done = await c.send('GET', `/callback/github${back.search}`)
        see('github callback', { ...normalized(done, t.origin), cookies: done.cookies.map((l) => l.slice(0, l.indexOf('='))) })
        expect([done.status, done.headers.location]).toEqual([302, `${t.origin}/home`])
        expect((await c.send('GET', '/session')).body).toMatchObject({ user: { email: 'test@example.com' } })
      },
    },
    {
      name: `${v.prefix}: provider-denied lands on next-auth's error page, without a session`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const authorize = await start(c, 'test@example.com')
        await t.control.use('provider-denied')
        const done = await roundTrip(c, authorize)
        see('denied', normalized(done, t.origin))
        const where = target(done)
        expect(`${where.pathname}${where.search}`).toBe(v.prefix === 'next-auth' ? '/api/auth/error?error=Callback' : '/api/auth/signin?error=OAuthCallbackError')
        expect(c.jar.has(c.session)).toBe(false)
      },
    },
  ]
}
