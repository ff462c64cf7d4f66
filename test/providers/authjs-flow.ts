import { Auth, customFetch } from 'auth-core'
import Google from 'auth-core/providers/google'
import { expect } from 'vitest'
import type { ProviderTarget } from './openid-client-flow.js'

const APP = 'http://localhost:3000'

/** The smallest cookie jar: name=value pairs from each Set-Cookie, sent back on every request. */
class Jar {
  readonly #cookies = new Map<string, string>()
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
      if (expired) this.#cookies.delete(name)
      else this.#cookies.set(name, pair.slice(eq + 1))
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/**
 * A real @auth/core `Auth()` whose Google provider is pointed at the mock by `issuer`: the app's
 * real auth code, only Google mocked. Signs in through /signin/google, the mock's /authorize (the
 * account named by `choose`, as the chooser's button does), /callback/google, then reads /session.
 */
export async function authJsGoogleSignIn(target: ProviderTarget, choose: (authorizeUrl: URL) => URL): Promise<{ user: Record<string, unknown> }> {
  const config = {
    basePath: '/auth',
    secret: 'a-secret-of-at-least-thirty-two-characters',
    trustHost: true,
    providers: [Google({ issuer: `${target.origin}/oidc/google`, clientId: 'authjs-app', clientSecret: 'authjs-secret', [customFetch]: target.fetch })],
  }
  const jar = new Jar()
  const app = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', jar.header())
    const response = await Auth(new Request(`${APP}${path}`, { ...init, headers }), config)
    jar.take(response)
    return response
  }
  const { csrfToken } = (await (await app('/auth/csrf')).json()) as { csrfToken: string }
  const signIn = await app('/auth/signin/google', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/dashboard` }),
  })
  expect(signIn.status).toBe(302)
  const authorizeUrl = new URL(signIn.headers.get('location')!)
  expect(authorizeUrl.href.startsWith(`${target.origin}/oidc/google/authorize?`)).toBe(true)
  const chooser = await target.fetch(authorizeUrl, { redirect: 'manual' })
  const decided = chooser.status === 302 ? chooser : await target.fetch(choose(authorizeUrl), { redirect: 'manual' })
  expect(decided.status).toBe(302)
  const callback = new URL(decided.headers.get('location')!)
  expect(callback.pathname).toBe('/auth/callback/google')
  const back = await app(callback.pathname + callback.search)
  expect(back.headers.get('location')).toBe(`${APP}/dashboard`)
  const session = (await (await app('/auth/session')).json()) as { user: Record<string, unknown> }
  return session
}

/** What the chooser's account button does: the same authorization with login_hint set. */
export function chooseAccount(email: string): (url: URL) => URL {
  return (url) => {
    const chosen = new URL(url)
    chosen.searchParams.set('login_hint', email)
    return chosen
  }
}
