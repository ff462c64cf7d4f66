import { parseCookie, stringifySetCookie } from 'cookie'
import type { AuthRequest } from './request.js'

export const SESSION_COOKIE = 'session'
export const REFRESH_COOKIE = 'refresh_token'

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

/**
 * The `session` cookie holds the access JWT and the `refresh_token` cookie the opaque refresh
 * token, both HttpOnly (RFC 6265 §4.1.2.6) so page scripts never see them.
 */
export function sessionCookies(accessToken: string, refreshToken: string, settings: CookieSettings): string[] {
  const common = { httpOnly: true, sameSite: 'lax', secure: settings.secure, maxAge: settings.maxAgeSeconds } as const
  return [
    stringifySetCookie(SESSION_COOKIE, accessToken, { ...common, path: '/' }),
    stringifySetCookie(REFRESH_COOKIE, refreshToken, { ...common, path: settings.refreshPath }),
  ]
}

/**
 * Expires both cookies (RFC 6265 §5.3 step 3: Max-Age=0 means "expire now"), each on its own path.
 * `session` comes last on purpose: curl 7.88's cookie jar (Debian 12's) keeps all but the last of
 * several cookies expired by one response, and a stale `session` would make `GET /api/auth` say
 * 401 instead of "signed out" in a by-hand curl session. Browsers honour both in any order.
 */
export function clearedCookies(settings: CookieSettings): string[] {
  const common = { httpOnly: true, sameSite: 'lax', secure: settings.secure, maxAge: 0 } as const
  return [
    stringifySetCookie(REFRESH_COOKIE, '', { ...common, path: settings.refreshPath }),
    stringifySetCookie(SESSION_COOKIE, '', { ...common, path: '/' }),
  ]
}
