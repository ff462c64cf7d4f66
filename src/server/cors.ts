import type { IncomingMessage } from 'node:http'
import { MockAuthError, NAMESPACE_HEADER, SCENARIO_HEADER } from '../core/kernel.js'

/**
 * Which origins may call the server with credentials. By default any local development origin:
 * `http://localhost:<port>`, `http://127.0.0.1:<port>` and `http://[::1]:<port>`.
 */
export type CorsOrigins = readonly string[] | ((origin: string) => boolean)

export const CORS_METHODS = 'GET, POST, PUT, DELETE, OPTIONS'
export const CORS_HEADERS = ['content-type', 'authorization', NAMESPACE_HEADER, SCENARIO_HEADER].join(', ')
/** Headers a page script may read on a cross-origin answer (RFC 6750 challenge, 429 back-off). */
export const CORS_EXPOSED = 'www-authenticate, retry-after'

/** A header field name (RFC 9110 §5.1: a token). */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/

/**
 * Our headers plus whatever an allowed origin's preflight asks for (`traceparent`, `baggage`,
 * `sentry-trace`, `x-csrf-token`...): the origin is already trusted with credentials, and refusing a
 * header the app's tracing adds would break every call it makes. Only valid field names are echoed.
 */
function allowedRequestHeaders(requested: string | undefined): string {
  const names = new Set(CORS_HEADERS.split(', '))
  for (const raw of (requested ?? '').split(',')) {
    const name = raw.trim().toLowerCase()
    if (name !== '' && FIELD_NAME.test(name) && names.size < 64) names.add(name)
  }
  return [...names].join(', ')
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/

export function isLocalOrigin(origin: string): boolean {
  return LOCAL_ORIGIN.test(origin)
}

/** The allow-check for a configured list (exact origins, compared without a trailing slash). */
export function originMatcher(origins: CorsOrigins | undefined): (origin: string) => boolean {
  if (origins === undefined) return isLocalOrigin
  if (typeof origins === 'function') return origins
  const allowed = new Set(origins.map((o) => o.trim().replace(/\/+$/, '')))
  // An entry that is no origin would never match a browser's Origin header (RFC 6454 §6.1), and the
  // page it was meant for would silently get no CORS headers: refuse it where it was given.
  for (const entry of allowed) {
    if (!URL.canParse(entry) || new URL(entry).origin !== entry) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid CORS origin ${JSON.stringify(entry)} (--cors-origin, option cors): write an origin, scheme://host[:port] with no path, e.g. "http://localhost:3000"; with credentials there is no "*".`)
    }
  }
  return (origin) => allowed.has(origin)
}

/**
 * The CORS headers for one request (Fetch standard, "CORS protocol"). With credentials the origin
 * is reflected, never `*`; an origin that is not allowed gets no CORS header at all, so the browser
 * blocks the response. `preflight` is true when this is an OPTIONS preflight to answer at once.
 */
export function corsHeaders(req: IncomingMessage, allow: (origin: string) => boolean): { headers: Record<string, string>; preflight: boolean } {
  const origin = req.headers.origin
  // Responses differ by Origin, so caches must key on it even when the origin is refused.
  const headers: Record<string, string> = { vary: 'Origin' }
  if (typeof origin !== 'string' || !allow(origin)) return { headers, preflight: false }
  headers['access-control-allow-origin'] = origin
  headers['access-control-allow-credentials'] = 'true'
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined
  if (preflight) {
    headers['access-control-allow-methods'] = CORS_METHODS
    headers['access-control-allow-headers'] = allowedRequestHeaders(req.headers['access-control-request-headers'])
    headers.vary = 'Origin, Access-Control-Request-Headers'
    headers['access-control-max-age'] = '600'
  } else {
    headers['access-control-expose-headers'] = CORS_EXPOSED
  }
  return { headers, preflight }
}
