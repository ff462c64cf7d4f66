import { readCookies } from '../src/core/cookies.js'
import type { AuthRequest } from '../src/core/request.js'
import { NAMESPACE_COOKIE, NAMESPACE_HEADER } from '../src/core/wire-names.js'
import type { CookieMode } from './to-msw-response.js'

export interface RequestOptions {
  mode: CookieMode
  /** The namespace requests run in when they name none themselves (header or cookie). */
  namespace?: string | undefined
}

/**
 * The request as the engine should see it. In the browser `Cookie` is a forbidden request header,
 * so it is rebuilt from msw's `cookies` (document cookies plus msw's emulated jar); under a DOM test
 * environment from the request's own header plus mock-auth's jar (dom-cookies.ts). In Node the
 * request's own header is the truth, and msw's cookies (its process-wide jar) are not read at all.
 */
export function toAuthRequest(request: Request, cookies: Record<string, string>, options: RequestOptions): AuthRequest {
  const cookieHeader = options.mode === 'node' ? request.headers.get('cookie') : serializeCookies(cookies)
  const namespace = options.namespace
  if (options.mode === 'node' && namespace === undefined) return request
  // Asked only when the request names no namespace by header (the engine asks once per request).
  const namedByCookie = () => (options.mode === 'node' ? readCookies(request)[NAMESPACE_COOKIE] !== undefined : Object.hasOwn(cookies, NAMESPACE_COOKIE))
  return {
    method: request.method,
    url: request.url,
    body: request.body,
    headers: {
      get(name: string): string | null {
        const lower = name.toLowerCase()
        if (lower === 'cookie') return cookieHeader
        const value = request.headers.get(lower)
        if (lower === NAMESPACE_HEADER && value === null && namespace !== undefined && !namedByCookie()) return namespace
        return value
      },
    },
  }
}

function serializeCookies(cookies: Record<string, string>): string | null {
  const parts: string[] = []
  for (const [name, value] of Object.entries(cookies)) {
    // RFC 6265 §4.1.1 cookie-name is a token; anything else msw parsed is not one of ours.
    if (/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) parts.push(`${name}=${encodeURIComponent(value)}`)
  }
  return parts.length === 0 ? null : parts.join('; ')
}
