import { describe, expect, it } from 'vitest'
import { BrowserCookieJar } from '../../handlers/browser-cookie-jar.js'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const login = ['session=jwt.a.b; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax', 'refresh_token=r1; Max-Age=604800; Path=/api/auth; HttpOnly; SameSite=Lax']

describe('BrowserCookieJar (the browser entry keeps the engine cookies itself)', () => {
  it('keeps both Set-Cookie values of one response, each with its own Path', () => {
    const jar = new BrowserCookieJar()
    jar.store(login, NOW)
    expect(jar.merge({}, 'http://localhost/api/auth/refresh', NOW)).toEqual({ session: 'jwt.a.b', refresh_token: 'r1' })
    expect(jar.merge({}, 'http://localhost/api/authz', NOW)).toEqual({ session: 'jwt.a.b' })
    expect(jar.merge({}, 'http://localhost/', NOW)).toEqual({ session: 'jwt.a.b' })
  })

  it('lets Max-Age=0 delete, and drops expired cookies', () => {
    const jar = new BrowserCookieJar()
    jar.store(login, NOW)
    jar.store(['session=; Max-Age=0; Path=/; HttpOnly'], NOW)
    expect(jar.merge({}, 'http://localhost/api/auth/me', NOW)).toEqual({ refresh_token: 'r1' })
    expect(jar.merge({}, 'http://localhost/api/auth/me', NOW + 604_801_000)).toEqual({})
  })

  it('overrides what msw says about its cookies, keeps the page cookies, and survives JSON', () => {
    const changes: number[] = []
    const jar = new BrowserCookieJar([], () => changes.push(1))
    jar.store(login, NOW)
    const revived = new BrowserCookieJar(JSON.parse(JSON.stringify(jar)))
    const msw = { session: 'stale', 'mock-auth-namespace': 'n1' }
    expect(revived.merge(msw, 'http://localhost/api/auth/me', NOW)).toEqual({ session: 'jwt.a.b', refresh_token: 'r1', 'mock-auth-namespace': 'n1' })
    expect(new BrowserCookieJar().merge(msw, 'http://localhost/api/auth/me', NOW)).toEqual({ 'mock-auth-namespace': 'n1' })
    expect(changes.length).toBe(1)
  })

  it('keeps a cookie host-only when told the URL that set it (RFC 6265 §5.3 step 6)', () => {
    const jar = new BrowserCookieJar()
    jar.store(login, NOW, 'http://localhost:3000/api/auth/login')
    expect(jar.merge({}, 'http://localhost:3000/api/auth/me', NOW)).toEqual({ session: 'jwt.a.b', refresh_token: 'r1' })
    expect(jar.merge({}, 'http://other.test/api/auth/me', NOW)).toEqual({})
    jar.store(['session=; Max-Age=0; Path=/'], NOW, 'http://localhost:3000/api/auth/logout')
    expect(jar.merge({}, 'http://localhost:3000/api/auth/me', NOW)).toEqual({ refresh_token: 'r1' })
  })
})
