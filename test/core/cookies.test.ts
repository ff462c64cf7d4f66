import { stringifySetCookie } from 'cookie'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/core/config.js'
import { sessionCookies } from '../../src/core/cookies.js'
import { restDialect } from '../../src/dialects/index.js'

const access = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln-_'
const refresh = '5QL483mLSl51vCERDxnhqQ.dv9gXkn_JFkHIGcJMqngisK90BgkM0KkTp-mqjAxjfM'

describe('sessionCookies', () => {
  // The attributes are made once and the values appended: the lines must be exactly what the
  // cookie library writes for the whole cookie.
  it.each([
    { refreshPath: '/api/auth', maxAgeSeconds: 604_800, secure: false },
    { refreshPath: '/', maxAgeSeconds: 60, secure: true },
  ])('writes what the cookie library writes (%o)', (settings) => {
    const common = { httpOnly: true, sameSite: 'lax', secure: settings.secure } as const
    const cookies = sessionCookies(settings)
    expect(cookies.issue(access, refresh)).toEqual([
      stringifySetCookie('session', access, { ...common, path: '/', maxAge: settings.maxAgeSeconds }),
      stringifySetCookie('refresh_token', refresh, { ...common, path: settings.refreshPath, maxAge: settings.maxAgeSeconds }),
    ])
    expect(cookies.cleared()).toEqual([
      stringifySetCookie('refresh_token', '', { ...common, path: settings.refreshPath, maxAge: 0 }),
      stringifySetCookie('session', '', { ...common, path: '/', maxAge: 0 }),
    ])
  })

  it('refuses, when the engine is made, a base path that cannot be a cookie path', () => {
    expect(() => resolveConfig({ scenarios: [{ name: 'default', description: 'the default' }], basePath: '/api;auth' })).toThrow(/cannot be a cookie path/)
  })
})
