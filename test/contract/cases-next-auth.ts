import { compactDecrypt } from 'jose'
import { expect } from 'vitest'
import type { ContractCase } from './expect-error.js'
import { NextAuthWireClient, normalized } from './next-auth-client.js'
import type { Transport } from './transport.js'

export const NEXT_AUTH_SECRET = 'contract-suite-next-auth-secret-0123456789'

/** How the case set differs per version: the data the dialect itself is built from. */
export interface NextAuthVersion {
  prefix: 'next-auth' | 'authjs'
  /** Extra fields / headers next-auth's client adds to every POST for a `{ url }` answer. */
  jsonFields: Record<string, string>
  jsonHeaders: Record<string, string>
  signedOut: Record<string, never> | null
  badCredentials: { status: number; url: string }
  missingCsrf: string
  serverError: string
  enc: string
  /** Google's `type` in `/providers` (v4 `oauth`, v5 `oidc`). */
  googleType: 'oauth' | 'oidc'
}

const seeAs = (see: (label: string, r: import('./transport.js').ContractResponse) => unknown, t: Transport) => (label: string, r: import('./transport.js').ContractResponse) => {
  see(label, normalized(r, t.origin))
  return r
}

/** next-auth's wire, exactly, over every transport; `v` holds what v4 and v5 do differently. */
export function nextAuthCases(v: NextAuthVersion): ContractCase[] {
  const signIn = async (c: NextAuthWireClient, password = 'test', csrfToken?: string) =>
    c.form('/callback/credentials', { username: 'test', password, csrfToken: csrfToken ?? (await c.csrf()), callbackUrl: '/dashboard', ...v.jsonFields }, v.jsonHeaders)
  return [
    {
      name: `${v.prefix}: GET /csrf sets the double-submit cookie token|sha256(token+secret), reused while it verifies`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const first = seeAs(see, t)('csrf', await c.send('GET', '/csrf'))
        const token = (first.body as { csrfToken: string }).csrfToken
        expect(token).toMatch(/^[0-9a-f]{64}$/)
        const cookie = first.cookies.find((l) => l.startsWith(`${v.prefix}.csrf-token=`))
        const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${token}${NEXT_AUTH_SECRET}`))).toString('hex')
        expect(cookie).toBe(`${v.prefix}.csrf-token=${token}%7C${hash}; Path=/; HttpOnly; SameSite=Lax`)
        expect(first.cookies.some((l) => l.startsWith(`${v.prefix}.callback-url=`))).toBe(true)
        const again = await c.send('GET', '/csrf')
        expect((again.body as { csrfToken: string }).csrfToken).toBe(token)
        expect(again.cookies).toEqual([])
      },
    },
    {
      name: `${v.prefix}: GET /providers lists the credentials and email providers and the mock identity providers with absolute URLs`,
      async run({ t, see }) {
        const res = seeAs(see, t)('providers', await new NextAuthWireClient(t, v.prefix).send('GET', '/providers'))
        expect(res.body).toEqual({
          credentials: { id: 'credentials', name: 'Credentials', type: 'credentials', signinUrl: `${t.origin}/api/auth/signin/credentials`, callbackUrl: `${t.origin}/api/auth/callback/credentials` },
          email: { id: 'email', name: 'Email', type: 'email', signinUrl: `${t.origin}/api/auth/signin/email`, callbackUrl: `${t.origin}/api/auth/callback/email` },
          google: { id: 'google', name: 'Google', type: v.googleType, signinUrl: `${t.origin}/api/auth/signin/google`, callbackUrl: `${t.origin}/api/auth/callback/google` },
          github: { id: 'github', name: 'GitHub', type: 'oauth', signinUrl: `${t.origin}/api/auth/signin/github`, callbackUrl: `${t.origin}/api/auth/callback/github` },
        })
      },
    },
    {
      name: `${v.prefix}: credentials sign-in answers { url } and a session JWE; /session rolls it`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        expect((await c.send('GET', '/session')).body).toEqual(v.signedOut)
        const res = seeAs(see, t)('sign-in', await signIn(c))
        expect([res.status, res.body]).toEqual([200, { url: `${t.origin}/dashboard` }])
        const line = res.cookies.find((l) => l.startsWith(`${c.session}=`))
        expect(line).toMatch(/; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
        const jwe = decodeURIComponent(c.jar.get(c.session) ?? '')
        expect(JSON.parse(Buffer.from(jwe.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({ alg: 'dir', enc: v.enc })
        await expect(compactDecrypt(jwe, new Uint8Array(v.enc === 'A256GCM' ? 32 : 64))).rejects.toThrow()
        const session = seeAs(see, t)('session', await c.send('GET', '/session'))
        expect(session.body).toEqual({ user: { name: 'Test User', email: 'test@example.com' }, expires: expect.stringMatching(/^\d{4}-/) })
        expect(session.cookies.filter((l) => l.startsWith(`${c.session}=`))).toHaveLength(1)
      },
    },
    {
      name: `${v.prefix}: bad credentials and a missing CSRF token answer as next-auth does`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const bad = seeAs(see, t)('bad', await signIn(c, 'wrong'))
        expect([bad.status, bad.body]).toEqual([v.badCredentials.status, { url: `${t.origin}/api/auth/${v.badCredentials.url}` }])
        expect(bad.cookies.some((l) => l.startsWith(`${c.session}=`))).toBe(false)
        const noCsrf = seeAs(see, t)('no csrf', await signIn(c, 'test', 'forged'))
        expect([noCsrf.status, noCsrf.body]).toEqual([200, { url: `${t.origin}/api/auth/${v.missingCsrf}` }])
        expect(c.jar.has(c.session)).toBe(false)
      },
    },
    {
      name: `${v.prefix}: sign-out needs the CSRF token, revokes the session and clears the cookie`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        await signIn(c)
        const refused = seeAs(see, t)('no csrf', await c.form('/signout', { csrfToken: 'nope', callbackUrl: '/', ...v.jsonFields }, v.jsonHeaders))
        expect(refused.body).toEqual({ url: `${t.origin}/api/auth/${v.missingCsrf}` })
        expect((await c.send('GET', '/session')).body).toMatchObject({ user: { name: 'Test User' } })
        const old = c.jar.get(c.session) ?? ''
        const out = seeAs(see, t)('sign-out', await c.form('/signout', { csrfToken: await c.csrf(), callbackUrl: '/bye', ...v.jsonFields }, v.jsonHeaders))
        expect(out.body).toEqual({ url: `${t.origin}/bye` })
        expect(out.cookies.find((l) => l.startsWith(`${c.session}=`))).toMatch(/Max-Age=0/)
        expect((await c.send('GET', '/session', { cookies: { [c.session]: old } })).body).toEqual(v.signedOut)
      },
    },
    {
      name: `${v.prefix}: POST /session updates with CSRF, 400 without`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        await signIn(c)
        const bad = seeAs(see, t)('update without csrf', await c.send('POST', '/session', { json: { csrfToken: 'x', data: {} } }))
        expect([bad.status, bad.body]).toEqual([400, v.signedOut])
        const ok = await c.send('POST', '/session', { json: { csrfToken: await c.csrf(), data: { theme: 'dark' } } })
        expect(ok.body).toMatchObject({ user: { email: 'test@example.com' } })
      },
    },
    {
      name: `${v.prefix}: scenarios answer in next-auth's form (bad-credentials, server-error, expired, rate-limited)`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        await t.control.use('bad-credentials')
        const bad = seeAs(see, t)('bad-credentials', await signIn(c))
        expect([bad.status, bad.body]).toEqual([v.badCredentials.status, { url: `${t.origin}/api/auth/${v.badCredentials.url}` }])
        await t.control.use('server-error')
        const failed = seeAs(see, t)('server-error', await signIn(c))
        expect(failed.body).toEqual({ url: `${t.origin}/api/auth/${v.serverError}` })
        expect((await c.send('GET', '/csrf')).status).toBe(200)
        await t.control.use('rate-limited')
        const limited = seeAs(see, t)('rate-limited', await signIn(c))
        expect([limited.status, limited.headers['retry-after']]).toEqual([429, '30'])
        await t.control.use('expired')
        expect((await signIn(c)).status).toBe(200)
        const expired = seeAs(see, t)('expired session', await c.send('GET', '/session'))
        expect(expired.body).toEqual(v.signedOut)
        expect(c.jar.has(c.session)).toBe(false)
      },
    },
    {
      name: `${v.prefix}: the sign-in, sign-out and error pages are HTML; unknown paths are JSON 404`,
      async run({ t, see }) {
        const c = new NextAuthWireClient(t, v.prefix)
        const page = seeAs(see, t)('signin page', await c.send('GET', '/signin'))
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(page.body).toContain('name="csrfToken"')
        expect((await c.send('GET', '/error?error=Configuration')).status).toBe(500)
        expect((await c.send('GET', '/signout')).body).toContain('Sign out')
        const missing = seeAs(see, t)('404', await c.send('GET', '/nope'))
        expect([missing.status, (missing.body as { error: string }).error]).toEqual([404, 'not_found'])
      },
    },
    {
      name: `${v.prefix}: an https public URL gives __Secure-/__Host- cookies with Secure`,
      async run({ make, see }) {
        const t = await make({ publicUrl: 'https://app.example.com' })
        const c = new NextAuthWireClient(t, v.prefix)
        const res = seeAs(see, t)('https csrf', await c.send('GET', '/csrf'))
        expect(res.cookies.map((l) => l.slice(0, l.indexOf('=')))).toEqual([`__Host-${v.prefix}.csrf-token`, `__Secure-${v.prefix}.callback-url`])
        expect(res.cookies.every((l) => l.includes('; Secure'))).toBe(true)
        const providers = await c.send('GET', '/providers')
        expect((providers.body as { credentials: { callbackUrl: string } }).credentials.callbackUrl).toBe('https://app.example.com/api/auth/callback/credentials')
        const forwarded = await new NextAuthWireClient(t, v.prefix).send('GET', '/csrf', { headers: { 'x-forwarded-host': 'other.test' } })
        expect(forwarded.cookies[0]).toMatch(/^__Host-/)
      },
    },
  ]
}
