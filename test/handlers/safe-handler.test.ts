import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { literalPath, SafeHttpHandler } from '../../handlers/safe-handler.js'

const patterns = [
  '*/api/auth',
  '*/api/auth/login',
  '*/api/auth/*',
  '*/.well-known/jwks.json',
  'http://localhost:3000/api/auth/session',
  'http://localhost:3000/api/auth/*',
  '*/',
]
const urls = [
  'http://app.test/api/auth',
  'http://app.test/api/auth/',
  'http://app.test/api/auth/login',
  'http://app.test/api/auth/login/',
  'http://app.test/API/Auth/LOGIN',
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
]

describe('SafeHttpHandler', () => {
  it('matches exactly what msw matches, for URLs turned away early and URLs parsed in full', async () => {
    for (const pattern of patterns) {
      const safe = new SafeHttpHandler(pattern, () => HttpResponse.json({}))
      const plain = http.all(pattern, () => HttpResponse.json({}))
      for (const url of urls) {
        const request = new Request(url)
        const [ours, msws] = [await safe.parse({ request }), await plain.parse({ request })]
        expect({ pattern, url, matches: ours.match.matches }).toEqual({ pattern, url, matches: msws.match.matches })
      }
    }
  })

  it('still matches a malformed escape instead of throwing (msw would answer 500)', async () => {
    const safe = new SafeHttpHandler('*/api/auth/*', () => HttpResponse.json({}))
    const parsed = await safe.parse({ request: new Request('http://app.test/api/auth/x%E2%82') })
    expect(parsed.match.matches).toBe(true)
  })

  it('takes the literal path after the origin, up to the first wildcard or parameter', () => {
    expect(literalPath('*/api/auth/*')).toBe('/api/auth/')
    expect(literalPath('*/api/Auth/login')).toBe('/api/auth/login')
    expect(literalPath('http://localhost:3000/api/auth')).toBe('/api/auth')
    expect(literalPath('/api/auth/:id')).toBe('/api/auth/')
    expect(literalPath('*/')).toBe('/')
  })
})
