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

/** The characters `encodeURIComponent` leaves alone (RFC 3986 unreserved plus `!*'()`): a JWE or a hex token. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/

/**
 * One Set-Cookie line with next-auth's options: HttpOnly, SameSite=Lax, Path=/, Secure on https.
 * The bytes `cookie`'s `stringifySetCookie` makes with those options (next-auth serializes with
 * the same `cookie` defaults: the value through `encodeURIComponent`, attributes in its order),
 * written out here because the library's checks of a ~500-character JWE (a copy of the options,
 * the encoding, a Unicode-range regex over the result) were the largest cost of a session read.
 * Our names are constants and `encodeURIComponent`'s output is always a valid cookie-value (RFC
 * 6265 §4.1.1), so there is nothing left to check. test/dialects/next-auth-cookies.test.ts
 * compares the two.
 */
export function setCookie(names: CookieNames, name: string, value: string, expires?: Date): string {
  const encoded = UNESCAPED.test(value) ? value : encodeURIComponent(value)
  return `${name}=${encoded}; Path=/${expires === undefined ? '' : `; Expires=${expires.toUTCString()}`}; HttpOnly${names.secure ? '; Secure' : ''}; SameSite=Lax`
}

/** `sessionStore.clean()`: the session cookie expired now (next-auth writes `Max-Age=0`). */
export function clearCookie(names: CookieNames, name: string): string {
  return stringifySetCookie(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: names.secure, maxAge: 0 })
}
