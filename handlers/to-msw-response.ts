import { delay, HttpResponse } from 'msw'
import type { AuthResult } from '../src/core/index.js'

/**
 * How cookies travel between the handlers and the client.
 * - `'browser'` (setupWorker): every Set-Cookie goes into `HttpResponse`'s init, the only way msw
 *   can carry it past the Fetch "response" guard; msw writes it to `document.cookie` and its own
 *   emulated jar, and hands stored cookies back through the resolver's `cookies`.
 * - `'node'` (setupServer): the cookies are appended to the response after it is built, so the
 *   client still sees every Set-Cookie, but msw 2 never learns them and its process-wide jar
 *   cannot replay one test's session into the next (see docs/msw.md). Same as msw 3, which has no
 *   jar in Node.
 */
export type CookieMode = 'node' | 'browser'

/** Node (and jsdom/happy-dom test environments, which run on Node with msw's Node jar) vs a real page. */
export function detectCookieMode(): CookieMode {
  const proc = (globalThis as { process?: { versions?: { node?: unknown } } }).process
  return typeof proc?.versions?.node === 'string' ? 'node' : 'browser'
}

/**
 * Materialises an engine result as an msw response: every Set-Cookie kept apart (RFC 6265 §3),
 * `delayMs` waited with msw's `delay`, `networkError` as `HttpResponse.error()` (a rejected fetch).
 */
export async function toMswResponse(result: AuthResult, mode: CookieMode): Promise<Response> {
  if (result.delayMs !== undefined && result.delayMs > 0) await delay(result.delayMs)
  if (result.networkError) return HttpResponse.error()
  if (mode === 'browser') {
    const headers = new Headers(result.headers)
    for (const cookie of result.cookies) headers.append('set-cookie', cookie)
    return new HttpResponse(result.body, { status: result.status, headers })
  }
  // The plain record as init: HttpResponse copies it into its own Headers anyway (one copy fewer).
  const response = new HttpResponse(result.body, { status: result.status, headers: result.headers })
  // Appended after construction: msw records Set-Cookie for its jar only from the init headers.
  for (const cookie of result.cookies) response.headers.append('set-cookie', cookie)
  return response
}
