import { stringifySetCookie } from 'cookie'
import type { NextAuthWire } from './wire.js'

export interface CookieNames {
  sessionToken: string
  csrfToken: string
  callbackUrl: string
  /** https: `__Secure-`/`__Host-` prefixes (RFC 6265bis §4.1.3) and the `Secure` attribute. */
  secure: boolean
}

/** next-auth's `defaultCookies(useSecureCookies)`: the CSRF cookie gets `__Host-`, the others `__Secure-`. */
export function cookieNames(wire: NextAuthWire, secure: boolean): CookieNames {
  const prefix = secure ? '__Secure-' : ''
  return {
    sessionToken: `${prefix}${wire.cookiePrefix}.session-token`,
    csrfToken: `${secure ? '__Host-' : ''}${wire.cookiePrefix}.csrf-token`,
    callbackUrl: `${prefix}${wire.cookiePrefix}.callback-url`,
    secure,
  }
}

/** One Set-Cookie line with next-auth's options: HttpOnly, SameSite=Lax, Path=/, Secure on https. */
export function setCookie(names: CookieNames, name: string, value: string, expires?: Date): string {
  return stringifySetCookie(name, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: names.secure, ...(expires === undefined ? {} : { expires }) })
}

/** `sessionStore.clean()`: the session cookie expired now (next-auth writes `Max-Age=0`). */
export function clearCookie(names: CookieNames, name: string): string {
  return stringifySetCookie(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: names.secure, maxAge: 0 })
}
