import { createRequire } from 'node:module'
import { expect } from 'vitest'

// next-auth v4 is CommonJS and lives in this folder's own node_modules (see package.json here).
const require = createRequire(import.meta.url)
const NextAuth = (require('next-auth') as { default: (req: unknown, res: unknown, options: unknown) => Promise<void> }).default
const GoogleProvider = (require('next-auth/providers/google') as { default: (options: Record<string, unknown>) => unknown }).default

/** What a Next.js API route's `res` offers next-auth: status, headers, end, json, send. */
class ApiResponse {
  statusCode = 200
  readonly headers = new Map<string, string | string[]>()
  body: unknown
  status(code: number): this {
    this.statusCode = code
    return this
  }
  setHeader(name: string, value: string | string[]): this {
    this.headers.set(name.toLowerCase(), value)
    return this
  }
  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase())
  }
  end(): void {}
  json(body: unknown): void {
    this.body = body
  }
  send(body: unknown): void {
    this.body = body
  }
  setCookies(): string[] {
    const value = this.headers.get('set-cookie') ?? []
    return Array.isArray(value) ? value : [value]
  }
}

const APP_HOST = 'localhost:3000'

/**
 * next-auth v4's `NextAuth(req, res, options)`, as a Pages-router API route calls it, with its Google provider
 * pointed at the mock by `wellKnown` + `issuer`: v4 discovers through openid-client 5 over real
 * HTTP, checks PKCE and state, and verifies the id_token's signature against the JWKS.
 * `decide` performs the chooser step and returns the provider's 302.
 */
export async function nextAuthV4GoogleSignIn(mockOrigin: string, decide: (authorizeUrl: URL) => Promise<Response>): Promise<{ user?: Record<string, unknown>; error?: string }> {
  const issuer = `${mockOrigin}/oidc/google`
  const options = {
    secret: 'a-secret-of-at-least-thirty-two-characters',
    providers: [GoogleProvider({ clientId: 'next-auth-v4-app', clientSecret: 'v4-secret', wellKnown: `${issuer}/.well-known/openid-configuration`, issuer })],
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
  }
  const jar = new Map<string, string>()
  // A Pages-router API route, /api/auth/[...nextauth], as Next.js calls it: `NextAuth(req, res, options)`.
  const call = async (path: string, init: { method?: string; body?: Record<string, string>; query?: Record<string, string> } = {}) => {
    const res = new ApiResponse()
    await NextAuth(
      {
        method: init.method ?? 'GET',
        headers: { host: APP_HOST, 'x-forwarded-proto': 'http', 'content-type': 'application/x-www-form-urlencoded' },
        cookies: Object.fromEntries(jar),
        body: init.body ?? {},
        query: { ...init.query, nextauth: path.split('/') },
      },
      res,
      options,
    )
    for (const line of res.setCookies()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const value = decodeURIComponent(pair.slice(eq + 1))
      if (/max-age=0/i.test(line) || value === '') jar.delete(pair.slice(0, eq))
      else jar.set(pair.slice(0, eq), value)
    }
    return { status: res.statusCode, body: res.body, redirect: res.getHeader('location') as string | undefined }
  }
  const csrf = (await call('csrf')).body as { csrfToken: string }
  const signIn = await call('signin/google', { method: 'POST', body: { csrfToken: csrf.csrfToken, callbackUrl: `http://${APP_HOST}/dashboard` } })
  const authorizeUrl = new URL(signIn.redirect ?? '')
  expect(authorizeUrl.href.startsWith(`${issuer}/authorize?`)).toBe(true)
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
  const decided = await decide(authorizeUrl)
  expect(decided.status).toBe(302)
  const callback = new URL(decided.headers.get('location') ?? '')
  expect(callback.pathname).toBe('/api/auth/callback/google')
  const back = await call('callback/google', { query: Object.fromEntries(callback.searchParams) })
  const landed = new URL(back.redirect ?? '', `http://${APP_HOST}`)
  if (landed.searchParams.has('error')) return { error: landed.searchParams.get('error')! }
  expect(landed.href).toBe(`http://${APP_HOST}/dashboard`)
  const session = (await call('session')).body as { user?: Record<string, unknown> }
  return session.user === undefined ? {} : { user: session.user }
}
