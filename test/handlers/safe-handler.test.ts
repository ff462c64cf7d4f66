import { http, HttpHandler, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { exactMatcher, literalPath, pathIgnoresCase, safeHandlerClass } from '../../handlers/safe-handler.js'

const SafeHttpHandler = safeHandlerClass(HttpHandler)

const patterns = [
  '*/api/auth',
  '*/api/auth/login',
  '*/api/auth/*',
  '*/.well-known/jwks.json',
  'http://localhost:3000/api/auth/session',
  'http://localhost:3000/api/auth/*',
  'http://Localhost:3000/api/auth',
  'http://*.test/api/auth/login',
  'http://localhost:3000/',
  '*/',
  '*/.well-known/jwks.json',
  'http://localhost:3000/api/auth/me',
  '*/api/auth/me',
  '*/api/auth/Me',
  'http://localhost:3000/API/auth/session',
]
const urls = [
  'http://app.test/api/auth',
  'http://app.test/api/auth/',
  'http://app.test/api/auth/login',
  'http://app.test/api/auth/login/',
  'http://app.test/API/Auth/LOGIN',
  'http://app.test/api/auth/Login/',
  'http://app.test/Api/auth',
  'http://localhost:3000/api/auth',
  'http://localhost:3000/API/auth/session',
  'http://app.test/.WELL-KNOWN/jwks.json',
  'http://app.test/api/auth/login?next=/x',
  'http://app.test/api/authx/login',
  'http://app.test/api/auth/nope/deeper',
  'http://app.test/api/%61uth/login',
  'http://app.test/other?u=/api/auth/login',
  'http://localhost:3000/api/auth/session',
  'http://localhost:4000/api/auth/session',
  'http://app.test/.well-known/jwks.json',
  'http://app.test/static/login',
  'http://app.test/',
  'http://app.test/x/api/auth/login',
  'http://app.test/api/auth//',
  'http://app.test/api/auth/login#frag',
  'http://app.test/api/auth?next=/api/auth/login',
  'http://app.test/api/auth/login?x=1#y',
  'http://LOCALHOST:3000/api/auth/session',
  'http://localhost:30000/api/auth/session',
  'http://localhost/api/auth/session',
  'http://localhost:3000',
  'http://localhost:3000/api/auth/me/',
  'http://localhost:3000/api/auth/me//',
  'http://localhost:3000/API/AUTH/ME?x',
  'http://app.test/prefix/api/auth/me',
  'http://app.test/api/auth/mee',
  'http://app.test/xapi/auth/me',
  'http://app.test/.well-known/jwks.json/',
  'http://app.test/.well-known/jwksXjson',
]

describe('SafeHttpHandler', () => {
  it.each([false, true])('matches exactly what msw matches, for URLs turned away early and URLs parsed in full (withoutCookieJar: %s)', async (withoutCookieJar) => {
    const disagreements: unknown[] = []
    for (const pattern of patterns) {
      const safe = new SafeHttpHandler(pattern, () => HttpResponse.json({}), { withoutCookieJar })
      const plain = http.all(pattern, () => HttpResponse.json({}))
      for (const url of urls) {
        const request = new Request(url)
        const [ours, msws] = [await safe.parse({ request }), await plain.parse({ request })]
        if (ours.match.matches !== msws.match.matches) disagreements.push({ pattern, url, ours: ours.match.matches, msw: msws.match.matches })
      }
    }
    // Every disagreement at once (msw 2 and msw 3 differ on a path's case: the matcher must follow either).
    expect(disagreements).toEqual([])
  })

  it('asks msw whether a path\'s case matters, and the exact matcher follows either answer', async () => {
    const plain = await http.all('*/api/auth/login', () => HttpResponse.json({})).parse({ request: new Request('http://app.test/API/Auth/LOGIN') })
    expect(await pathIgnoresCase(HttpHandler)).toBe(plain.match.matches)
    const matcher = exactMatcher('*/api/auth/login', undefined)
    expect([matcher?.('http://app.test/API/Auth/LOGIN', true), matcher?.('http://app.test/API/Auth/LOGIN', false)]).toEqual([true, false])
    expect([matcher?.('http://app.test/api/auth/login/', true), matcher?.('http://app.test/api/auth/login/?x=1', false)]).toEqual([true, true])
    const withOrigin = exactMatcher('http://Localhost:3000/api/auth/Me', 'http://localhost:3000')
    expect([withOrigin?.('http://localhost:3000/api/auth/Me', false), withOrigin?.('http://localhost:3000/api/auth/me', false)]).toEqual([true, false])
  })

  it('withoutCookieJar never reads msw\'s cookie jar: an exact route gets no cookies from msw', async () => {
    const request = new Request('http://app.test/api/auth/session', { headers: { cookie: 'session=abc' } })
    const withJar = await new SafeHttpHandler('*/api/auth/session', () => HttpResponse.json({})).parse({ request })
    const without = await new SafeHttpHandler('*/api/auth/session', () => HttpResponse.json({}), { withoutCookieJar: true }).parse({ request })
    expect(withJar.cookies).toMatchObject({ session: 'abc' })
    expect(without).toEqual({ match: { matches: true, params: {} }, cookies: {} })
  })

  it('still matches a malformed escape instead of throwing (msw would answer 500)', async () => {
    const safe = new SafeHttpHandler('*/api/auth/*', () => HttpResponse.json({}))
    const parsed = await safe.parse({ request: new Request('http://app.test/api/auth/x%E2%82') })
    expect(parsed.match.matches).toBe(true)
    // An escape msw's own wildcard capture could not decode, before an exact path.
    for (const withoutCookieJar of [false, true]) {
      const exact = new SafeHttpHandler('*/api/auth/me', () => HttpResponse.json({}), { withoutCookieJar })
      expect((await exact.parse({ request: new Request('http://app.test/a%zz/api/auth/me') })).match.matches).toBe(true)
    }
  })

  it('takes the literal path after the origin, up to the first wildcard or parameter', () => {
    expect(literalPath('*/api/auth/*')).toBe('/api/auth/')
    expect(literalPath('*/api/Auth/login')).toBe('/api/auth/login')
    expect(literalPath('http://localhost:3000/api/auth')).toBe('/api/auth')
    expect(literalPath('/api/auth/:id')).toBe('/api/auth/')
    expect(literalPath('*/')).toBe('/')
  })
})
