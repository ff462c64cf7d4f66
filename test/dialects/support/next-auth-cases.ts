import { expect, it } from 'vitest'
import type { Mail } from '../../../src/core/index.js'
import type { CookieFetch } from './cookie-fetch.js'

/** The part of next-auth's client (v4 `next-auth/react`, v5 `next-auth/react`) the cases drive. */
export interface NextAuthClient {
  getCsrfToken(): Promise<string | undefined | null>
  getProviders(): Promise<Record<string, { id: string; type: string; callbackUrl: string }> | null>
  getSession(): Promise<{ user?: { name?: string | null; email?: string | null; image?: string | null }; expires: string } | null>
  signIn(provider: string, options: Record<string, unknown>, authorizationParams?: Record<string, string>): Promise<{ error?: string | null | undefined; code?: string | undefined; status: number; ok: boolean; url: string | null } | undefined>
  signOut(options: Record<string, unknown>): Promise<unknown>
}

export interface NextAuthTarget {
  /** `http://host:port`, the app's origin as the client sees it. */
  origin: string
  client: () => NextAuthClient
  cookies: () => CookieFetch
  /** The session cookie's name (`next-auth.session-token`, `authjs.session-token`). */
  sessionCookie: string
  use(scenario: string): Promise<void>
  /** Opens the session cookie with the real library's `decode`. */
  decode(token: string): Promise<Record<string, unknown> | null>
  /** What `signIn` answers for bad credentials in this version. */
  badCredentials: { error: string; status: number; ok: boolean; code?: string }
  /** The `error` `signIn` reports when `authorize` throws (server-error). */
  serverError: string
  /** The default namespace's mails, newest last. */
  mailbox(): Promise<Mail[]>
  /** The account the next authorization at a mock provider gets (the controls' `chooseAccount`). */
  chooseAccount(provider: string, account: string): Promise<void>
}

/**
 * The same cases for each version of next-auth's real client, against each transport: the
 * client is unmodified, only `fetch` keeps cookies and `callbackUrl` is explicit (Node has no
 * `window.location`).
 */
export function nextAuthCases(target: () => NextAuthTarget): void {
  const signIn = (t: NextAuthTarget, password = 'test') =>
    t.client().signIn('credentials', { redirect: false, username: 'test', password, callbackUrl: `${t.origin}/dashboard` })

  it("email provider: signIn('email', { redirect: false }) puts a link in the mailbox; following it signs in", async () => {
    const t = target()
    const providers = await t.client().getProviders()
    expect(providers?.email).toMatchObject({ id: 'email', type: 'email', callbackUrl: `${t.origin}/api/auth/callback/email` })
    const result = await t.client().signIn('email', { redirect: false, email: 'Test@Example.com', callbackUrl: `${t.origin}/dashboard` })
    expect(result).toMatchObject({ ok: true, status: 200, url: `${t.origin}/api/auth/verify-request?provider=email&type=email` })
    expect(result?.error ?? null).toBeNull()
    expect(await t.client().getSession()).toBeNull()
    const [mail] = await t.mailbox()
    expect(mail).toMatchObject({ kind: 'magic-link', to: 'test@example.com' })
    const link = new URL(mail!.link)
    expect(`${link.origin}${link.pathname}`).toBe(`${t.origin}/api/auth/callback/email`)
    expect(Object.fromEntries(link.searchParams)).toEqual({ callbackUrl: `${t.origin}/dashboard`, token: mail!.token, email: 'test@example.com' })
    const followed = await fetch(mail!.link, { redirect: 'manual' })
    expect(followed.status).toBe(302)
    expect(followed.headers.get('location')).toBe(`${t.origin}/dashboard`)
    expect((await t.client().getSession())?.user).toMatchObject({ name: 'Test User', email: 'test@example.com' })
    // Single use: the same link again is next-auth's Verification error.
    const again = await fetch(mail!.link, { redirect: 'manual' })
    expect(again.headers.get('location')).toBe(`${t.origin}/api/auth/error?error=Verification`)
  })

  it('getCsrfToken, getProviders: a 64-hex token and the credentials provider', async () => {
    const t = target()
    expect(await t.client().getCsrfToken()).toMatch(/^[0-9a-f]{64}$/)
    const providers = await t.client().getProviders()
    expect(providers?.credentials).toMatchObject({ id: 'credentials', type: 'credentials', callbackUrl: `${t.origin}/api/auth/callback/credentials` })
  })

  it('valid sign-in: ok, the callback URL, then getSession has the user; the cookie opens with decode', async () => {
    const t = target()
    expect(await t.client().getSession()).toBeNull()
    const result = await signIn(t)
    expect(result).toMatchObject({ ok: true, status: 200, url: `${t.origin}/dashboard` })
    expect(result?.error ?? null).toBeNull()
    const session = await t.client().getSession()
    expect(session?.user).toEqual({ name: 'Test User', email: 'test@example.com' })
    expect(Date.parse(session?.expires ?? '')).toBeGreaterThan(Date.now())
    const token = t.cookies().jar.get(t.sessionCookie)
    expect(token).toBeDefined()
    const decoded = await t.decode(decodeURIComponent(token!))
    expect(decoded).toMatchObject({ name: 'Test User', email: 'test@example.com', sub: 'user123' })
  })

  it('bad credentials: the client reports CredentialsSignin, no session', async () => {
    const t = target()
    expect(await signIn(t, 'wrong')).toMatchObject({ ...t.badCredentials, url: null })
    expect(await t.client().getSession()).toBeNull()
  })

  it('sign-out clears the session, and the old cookie no longer reads as signed in', async () => {
    const t = target()
    await signIn(t)
    const old = t.cookies().jar.get(t.sessionCookie)
    await t.client().signOut({ redirect: false, callbackUrl: `${t.origin}/` })
    expect(t.cookies().jar.has(t.sessionCookie)).toBe(false)
    expect(await t.client().getSession()).toBeNull()
    // A copied cookie of the signed-out session: revoked in the store, so still signed out.
    t.cookies().jar.set(t.sessionCookie, old!)
    expect(await t.client().getSession()).toBeNull()
  })

  it('scenario bad-credentials refuses the right password', async () => {
    const t = target()
    await t.use('bad-credentials')
    expect(await signIn(t)).toMatchObject({ ...t.badCredentials, url: null })
  })

  it('scenario expired: sign-in succeeds but the session has already expired (signed out)', async () => {
    const t = target()
    await t.use('expired')
    expect(await signIn(t)).toMatchObject({ ok: true })
    expect(t.cookies().jar.has(t.sessionCookie)).toBe(true)
    expect(await t.client().getSession()).toBeNull()
  })

  it('scenario server-error: sign-in fails as when authorize throws', async () => {
    const t = target()
    await t.use('server-error')
    const result = await signIn(t)
    expect(result?.error).toBe(t.serverError)
    expect(result?.url).toBeNull()
  })
}
