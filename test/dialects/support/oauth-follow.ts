import { expect } from 'vitest'

/**
 * Runs `start` as in a page at `origin`: a `window` whose `location.href` can be assigned (what a
 * browser client does with the provider's URL: next-auth v4's `signIn('google')` always
 * navigates, better-auth's redirect plugin too), and relative fetch URLs resolved against the
 * page (v4's client uses its relative base path once `window` exists). Returns the URL the page
 * was sent to, or `start`'s own answer's `url`.
 */
export async function capturedNavigation(origin: string, start: () => Promise<{ url?: string | null } | undefined | void>): Promise<string> {
  const g = globalThis as { window?: unknown }
  const had = Object.hasOwn(g, 'window')
  const previous = g.window
  const win = { location: { href: `${origin}/`, reload() {} } }
  g.window = win
  const fetchBefore = globalThis.fetch
  globalThis.fetch = (input, init) => fetchBefore(typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input, init)
  try {
    const answer = await start()
    const url = (answer && typeof answer === 'object' && typeof answer.url === 'string' ? answer.url : undefined) ?? win.location.href
    return url
  } finally {
    globalThis.fetch = fetchBefore
    if (had) g.window = previous
    else delete g.window
  }
}

/**
 * A browser following the provider's URL with the account already picked (`login_hint` or
 * `chooseAccount()`): the authorize 302 back to the app's callback, then the callback's 302.
 * Returns the app's callback URL and where the callback sent the browser. `browser` is the
 * cookie-keeping fetch the client uses, so the session cookie lands in its jar.
 */
export async function followProvider(authorizeUrl: string, expectedCallback: string, browser: typeof fetch = fetch): Promise<{ callback: string; location: string; status: number }> {
  const authorize = await browser(authorizeUrl, { redirect: 'manual' })
  expect(authorize.status, `the provider's /authorize should redirect at once (${await authorize.clone().text()})`).toBe(302)
  const callback = authorize.headers.get('location') ?? ''
  expect(callback.split('?')[0]).toBe(expectedCallback)
  const back = await browser(callback, { redirect: 'manual' })
  return { callback, location: back.headers.get('location') ?? '', status: back.status }
}

/** A provider with an account no seeded user has, for the "creates a user" cases. */
export const ACME = {
  id: 'acme',
  name: 'Acme ID',
  kind: 'oidc' as const,
  accounts: [{ sub: '4200', email: 'newcomer@example.com', email_verified: true, name: 'New Comer' }],
}
