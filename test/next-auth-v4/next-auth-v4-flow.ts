import { createRequire } from 'node:module'
import { expect } from 'vitest'

// next-auth v4 is CommonJS and lives in this folder's own node_modules (see package.json here).
const require = createRequire(import.meta.url)
const { AuthHandler } = require('next-auth/core') as { AuthHandler: (params: { req: unknown; options: unknown }) => Promise<InternalResponse> }
const GoogleProvider = (require('next-auth/providers/google') as { default: (options: Record<string, unknown>) => unknown }).default

interface InternalResponse {
  status?: number
  body?: unknown
  redirect?: string
  cookies?: Array<{ name: string; value: string; options?: { maxAge?: number; expires?: Date } }>
}

const APP_HOST = 'localhost:3000'

/**
 * next-auth v4's own core (`AuthHandler`, what its Next.js route calls) with its Google provider
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
  const call = async (action: string, init: { method?: string; providerId?: string; body?: Record<string, string>; query?: Record<string, string> } = {}) => {
    const response = await AuthHandler({
      req: {
        action,
        method: init.method ?? 'GET',
        providerId: init.providerId,
        headers: { host: APP_HOST, 'x-forwarded-proto': 'http' },
        cookies: Object.fromEntries(jar),
        body: init.body ?? {},
        query: init.query ?? {},
      },
      options,
    })
    for (const cookie of response.cookies ?? []) {
      if (cookie.options?.maxAge === 0 || cookie.value === '') jar.delete(cookie.name)
      else jar.set(cookie.name, cookie.value)
    }
    return response
  }
  const csrf = (await call('csrf')).body as { csrfToken: string }
  const signIn = await call('signin', { method: 'POST', providerId: 'google', body: { csrfToken: csrf.csrfToken, callbackUrl: `http://${APP_HOST}/dashboard` } })
  const authorizeUrl = new URL(signIn.redirect ?? '')
  expect(authorizeUrl.href.startsWith(`${issuer}/authorize?`)).toBe(true)
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
  const decided = await decide(authorizeUrl)
  expect(decided.status).toBe(302)
  const callback = new URL(decided.headers.get('location') ?? '')
  expect(callback.pathname).toBe('/api/auth/callback/google')
  const back = await call('callback', { providerId: 'google', query: Object.fromEntries(callback.searchParams) })
  const landed = new URL(back.redirect ?? '', `http://${APP_HOST}`)
  if (landed.searchParams.has('error')) return { error: landed.searchParams.get('error')! }
  expect(landed.href).toBe(`http://${APP_HOST}/dashboard`)
  const session = (await call('session')).body as { user?: Record<string, unknown> }
  return session.user === undefined ? {} : { user: session.user }
}
