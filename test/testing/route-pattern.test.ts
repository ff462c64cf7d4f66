import { describe, expect, it } from 'vitest'
import { createMockAuth } from '../../src/node/index.js'
import { routePattern } from '../../src/testing/route-pattern.js'

describe("the fixture's route pattern: the engine's URLs, so the page's other requests never reach Node", () => {
  it('takes the base path, the providers and the JWKS, with queries, on any origin; nothing else', () => {
    const engine = createMockAuth().engine
    const any = routePattern(engine, undefined)
    for (const url of ['http://localhost:3000/api/auth', 'http://localhost:3000/api/auth/login', 'https://app.test/api/auth/session?x=1', 'http://127.0.0.1:5173/oidc/google/token', 'http://a.test/oidc/github/login/oauth/authorize?login=test', 'http://a.test/.well-known/jwks.json']) {
      expect(any.test(url), url).toBe(true)
      expect(engine.routePath(url), url).not.toBeUndefined() // and the engine does serve it
    }
    for (const url of ['http://localhost:3000/', 'http://localhost:3000/app.js', 'http://localhost:3000/api/authx', 'http://localhost:3000/api/other', 'http://localhost:3000/x/api/auth/login', 'http://localhost:3000/?next=/api/auth/login']) {
      expect(any.test(url), url).toBe(false)
    }
    const exact = routePattern(engine, 'http://localhost:3000')
    expect(exact.test('http://localhost:3000/api/auth/me')).toBe(true)
    expect(exact.test('http://localhost:3001/api/auth/me')).toBe(false)
    expect(exact.test('http://localhost:3000.evil.test/api/auth/me')).toBe(false)
  })

  it('a base path of its own, and a contract (mounted at the root) claims every path', () => {
    expect(routePattern(createMockAuth({ baseUrl: '/auth' }).engine, undefined).test('http://a.test/auth/login')).toBe(true)
    expect(routePattern(createMockAuth({ baseUrl: '/auth' }).engine, undefined).test('http://a.test/api/auth/login')).toBe(false)
    const contract = createMockAuth({ contract: { signIn: 'POST /token/' } }).engine
    expect(routePattern(contract, undefined).test('http://a.test/token/')).toBe(true)
    expect(routePattern(contract, undefined).test('http://a.test/anything')).toBe(true)
  })
})
