import { readCookies } from '../src/core/cookies.js'
import type { BrowserCookieJar } from './browser-cookie-jar.js'

/**
 * The browser's cookie handling for msw/node under a DOM test environment (Vitest's `jsdom` or
 * `happy-dom`), where the app's own fetch brings mock-auth no cookie: jsdom's fetch is Node's,
 * which keeps none, and happy-dom's drops a hand-set `Cookie` (a forbidden request header) and
 * never sees our Set-Cookie, msw answering before its jar would. So mock-auth's own jar plays the
 * browser's: it keeps the engine's cookies from responses and sends them back on requests whose
 * `credentials` let a browser do so (Fetch standard, "HTTP-network-or-cache fetch": cookies go and
 * come when credentials is `include`, or `same-origin` for a same-origin URL). msw's jar is never
 * read, and the engine still checks every cookie against its own store.
 */
export function carriesCredentials(request: Request): boolean {
  if (request.credentials === 'include') return true
  if (request.credentials === 'omit') return false
  // 'same-origin' (fetch's default, and what msw 3 in Node reports for every request: it rebuilds
  // the request from the bytes on the socket, where the mode is gone).
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (typeof origin !== 'string') return true
  try {
    return new URL(request.url).origin === origin
  } catch {
    return false
  }
}

/**
 * The cookies the engine sees: the request's own `Cookie` header (a test may still set one where the
 * environment lets it, and it wins) over the jar's cookies for this URL when credentials go.
 */
export function domRequestCookies(request: Request, jar: BrowserCookieJar): Record<string, string> {
  const cookies: Record<string, string> = {}
  if (carriesCredentials(request)) for (const cookie of jar.matching(request.url)) cookies[cookie.name] = cookie.value
  for (const [name, value] of Object.entries(readCookies(request))) if (value !== undefined) cookies[name] = value
  return cookies
}
