import { stringifySetCookie } from 'cookie'
import { expect, it } from 'vitest'
import { cookieNames, setCookie } from '../../src/dialects/next-auth/cookies.js'
import { AUTHJS_V5 } from '../../src/dialects/authjs/index.js'
import { NEXT_AUTH_V4 } from '../../src/dialects/next-auth/index.js'

/**
 * The next-auth dialects write their Set-Cookie lines by hand (the `cookie` library's checks of a
 * ~500-character JWE were the largest cost of a session read): they must be the very bytes
 * `stringifySetCookie` makes with next-auth's options, for every kind of value we set.
 */
const VALUES = [
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc_DEF-123.xyz_-09.tagTAG_-',
  `${'a1'.repeat(32)}|${'f0'.repeat(32)}`,
  'http://127.0.0.1:3000/dashboard?tab=1&x=a b',
  'https://app.example.com/ünïcode/path#frag',
  "plain-!~*'()._",
  '',
]

it.each([
  [NEXT_AUTH_V4, false],
  [NEXT_AUTH_V4, true],
  [AUTHJS_V5, false],
  [AUTHJS_V5, true],
] as const)('setCookie is stringifySetCookie with next-auth options (%#)', (wire, secure) => {
  const names = cookieNames(wire, secure)
  const expires = new Date(Date.UTC(2026, 11, 2, 3, 4, 5, 678))
  for (const name of [names.sessionToken, names.csrfToken, names.callbackUrl]) {
    for (const value of VALUES) {
      const options = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const
      expect(setCookie(names, name, value)).toBe(stringifySetCookie(name, value, options))
      expect(setCookie(names, name, value, expires)).toBe(stringifySetCookie(name, value, { ...options, expires }))
    }
  }
})
