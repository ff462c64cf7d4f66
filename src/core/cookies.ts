import { parseCookie, stringifySetCookie, type SerializeOptions } from 'cookie'
import type { AuthRequest } from './request.js'

import { REFRESH_COOKIE, SESSION_COOKIE } from './wire-names.js'

export { REFRESH_COOKIE, SESSION_COOKIE }

export interface CookieSettings {
  /** Path of the refresh-token cookie: the base path, so it only travels to the auth routes. */
  refreshPath: string
  /** Lifetime of both cookies in seconds: the session cookie outlives its access token on purpose. */
  maxAgeSeconds: number
  secure: boolean
}

/** Reads the request's cookies; a malformed header yields what could be parsed, never a throw. */
export function readCookies(request: AuthRequest): Record<string, string | undefined> {
  const header = request.headers.get('cookie')
  if (!header) return {}
  try {
    return parseCookie(header)
  } catch {
    return {}
  }
}

/** The Set-Cookie lines one engine writes; their attributes never change, so they are made once. */
export interface SessionCookies {
  /**
   * The `session` cookie holds the access JWT and the `refresh_token` cookie the opaque refresh
   * token, both HttpOnly (RFC 6265 §4.1.2.6) so page scripts never see them.
   */
  issue(accessToken: string, refreshToken: string): string[]
  /**
   * Both cookies expired (RFC 6265 §5.3 step 3: Max-Age=0 means "expire now"), each on its own
   * path. `session` comes last on purpose: curl 7.88's cookie jar (Debian 12's) keeps all but the
   * last of several cookies expired by one response, and a stale `session` would make
   * `GET /api/auth` say 401 instead of "signed out" in a by-hand curl session. Browsers honour both
   * in any order.
   */
  cleared(): string[]
}

/**
 * The cookie library serializes (and validates) each cookie's attributes once, when the engine is
 * made; a sign-in then only prefixes `name=value`. The values are our own tokens, made of
 * base64url characters (RFC 4648 §5) and '.', all of them cookie-octets (RFC 6265 §4.1.1), so
 * they need no encoding. Building the whole line per request through the library cost a sign-in
 * about 8% of its time (bench/README.md).
 */
export function sessionCookies(settings: CookieSettings): SessionCookies {
  const common = { httpOnly: true, sameSite: 'lax', secure: settings.secure } as const
  const session = { ...common, path: '/' }
  const refresh = { ...common, path: settings.refreshPath }
  const sessionAttributes = attributes(SESSION_COOKIE, { ...session, maxAge: settings.maxAgeSeconds })
  const refreshAttributes = attributes(REFRESH_COOKIE, { ...refresh, maxAge: settings.maxAgeSeconds })
  const cleared = [stringifySetCookie(REFRESH_COOKIE, '', { ...refresh, maxAge: 0 }), stringifySetCookie(SESSION_COOKIE, '', { ...session, maxAge: 0 })]
  return {
    issue: (accessToken, refreshToken) => [`${SESSION_COOKIE}=${accessToken}${sessionAttributes}`, `${REFRESH_COOKIE}=${refreshToken}${refreshAttributes}`],
    cleared: () => [...cleared],
  }
}

/** `; Max-Age=...; Path=...; HttpOnly; ...` as the cookie library writes it after `name=`. */
function attributes(name: string, options: SerializeOptions): string {
  return stringifySetCookie(name, '', options).slice(name.length + 1)
}
