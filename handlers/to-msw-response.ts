import { MockAuthError } from '../src/core/errors.js'
import type { AuthResult } from '../src/core/result.js'
import type { MswKit } from './msw-kit.js'

/**
 * How cookies travel between the handlers and the client.
 * - `'browser'` (setupWorker): every Set-Cookie goes into `HttpResponse`'s init, the only way msw
 *   can carry it past the Fetch "response" guard; msw writes it to `document.cookie` and its own
 *   emulated jar, and hands stored cookies back through the resolver's `cookies`.
 * - `'node'` (setupServer): the cookies are appended to the response after it is built, so the
 *   client still sees every Set-Cookie, but msw 2 never learns them and its process-wide jar
 *   cannot replay one test's session into the next (see docs/msw.md). Same as msw 3, which has no
 *   jar in Node.
 * - `'dom'` (setupServer under a DOM test environment, Vitest's jsdom or happy-dom): Node's way
 *   for the response, and mock-auth's own jar plays the browser's for the app's `credentials`
 *   requests, since neither environment's fetch brings msw's handlers a cookie (see create-handlers.ts).
 */
export type CookieMode = 'node' | 'dom' | 'browser'

/** Node, Node with a DOM test environment (jsdom, happy-dom: a `document` next to `process.versions.node`), or a real page. */
export function detectCookieMode(): CookieMode {
  const proc = (globalThis as { process?: { versions?: { node?: unknown } } }).process
  if (typeof proc?.versions?.node !== 'string') return 'browser'
  return typeof (globalThis as { document?: unknown }).document === 'object' ? 'dom' : 'node'
}

/**
 * Materialises an engine result as an msw response: every Set-Cookie kept apart (RFC 6265 §3),
 * `delayMs` waited, `networkError` as `Response.error()` (a rejected fetch, which is what msw's
 * `HttpResponse.error()` returns too).
 */
export async function toMswResponseWith(kit: MswKit, result: AuthResult, mode: CookieMode): Promise<Response> {
  if (result.delayMs !== undefined && result.delayMs > 0) await wait(result.delayMs)
  if (result.networkError) return Response.error()
  if (mode === 'browser') {
    if (kit.HttpResponse === undefined) throw new MockAuthError('ERR_INVALID_OPTIONS', "Browser cookie mode needs msw's HttpResponse: create the handlers through mock-auth or mock-auth/browser.")
    const headers = new Headers(result.headers)
    for (const cookie of result.cookies) headers.append('set-cookie', cookie)
    return new kit.HttpResponse(result.body, { status: result.status, headers })
  }
  /*
   * Node: a plain Fetch Response, as msw accepts from any resolver. msw records a response's
   * Set-Cookie in its process-wide jar only for an `HttpResponse` made with them in its init, so
   * with a plain Response it never learns them (which the Node handlers want: docs/msw.md), and
   * the status text is the one `HttpResponse` would set. No body for 1xx/204/205/304 (the Fetch
   * Response constructor refuses one, RFC 9110 §15).
   */
  const response = new Response(NULL_BODY.has(result.status) ? null : result.body, {
    status: result.status,
    statusText: STATUS_TEXT[result.status] ?? '',
    headers: result.headers,
  })
  for (const cookie of result.cookies) response.headers.append('set-cookie', cookie)
  return response
}

/** As msw's `delay(ms)` waits in Node, held to setTimeout's limit (~24.8 days) instead of firing at once past it. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_TIMEOUT_MS)))
}

const MAX_TIMEOUT_MS = 2_147_483_647

const NULL_BODY = new Set([101, 103, 204, 205, 304])

/** The reason phrases msw's `HttpResponse` sets (from the `statuses` package it ships). */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 423: 'Locked', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
}
