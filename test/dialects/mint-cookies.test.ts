import { createAuthClient } from 'better-auth/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockAuth } from '../../src/node/index.js'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { jarFetch } from './support/better-auth-cases.js'
import { importUntyped, installCookieFetch } from './support/cookie-fetch.js'

/**
 * `signIn`/`mint` (the controls, `POST /__mock-auth/token`, and through them the Playwright fixture)
 * set the cookie the dialect's app reads: a test starts signed in without the login form, and the
 * real client libraries read the minted session.
 */
const SECRET = 'a-next-auth-secret-for-the-mint-tests-0123'
type Decode = (params: { token: string; secret: string; salt?: string }) => Promise<Record<string, unknown> | null>

const pair = (line: string) => line.split(';', 1)[0] ?? ''
const nameOf = (line: string) => pair(line).split('=', 1)[0]
/** Puts Set-Cookie lines into a name → value jar, as a browser would keep them. */
const seed = (jar: Map<string, string>, lines: readonly string[]) => {
  for (const line of lines) jar.set(nameOf(line)!, pair(line).slice(pair(line).indexOf('=') + 1))
}
const valueOf = (line: string) => decodeURIComponent(pair(line).slice(pair(line).indexOf('=') + 1))

describe('minted cookies per dialect (controls)', () => {
  it('next-auth: the JWE session cookie, opened by next-auth/jwt decode; __Secure- and Secure on https', async () => {
    const auth = createMockAuth({ dialect: 'next-auth', secret: SECRET })
    const signed = await auth.signIn('test')
    expect(signed.cookies.map(nameOf)).toEqual(['next-auth.session-token'])
    expect(signed.cookies[0]).toMatch(/; HttpOnly; SameSite=Lax$/)
    const { decode } = (await importUntyped('next-auth/jwt')) as { decode: Decode }
    expect(await decode({ token: valueOf(signed.cookies[0]!), secret: SECRET })).toMatchObject({ sub: 'user123', email: 'test@example.com', name: 'Test User' })
    expect(signed.headers.cookie).toBe(pair(signed.cookies[0]!))
    const secure = await auth.signIn('test', { url: 'https://app.example.com/' })
    expect(secure.cookies.map(nameOf)).toEqual(['__Secure-next-auth.session-token'])
    expect(secure.cookies[0]).toContain('; Secure')
  })

  it('authjs: the v5 cookie, opened by @auth/core decode salted with its name', async () => {
    const auth = createMockAuth({ dialect: 'authjs', secret: SECRET })
    const signed = await auth.mint({ user: 'admin' })
    expect(signed.cookies.map(nameOf)).toEqual(['authjs.session-token'])
    const { decode } = (await importUntyped('next-auth-v5/jwt')) as { decode: Decode }
    expect(await decode({ token: valueOf(signed.cookies[0]!), secret: SECRET, salt: 'authjs.session-token' })).toMatchObject({ email: 'admin@example.com' })
  })

  it('better-auth: <token>.<HMAC> for the session token the body carries; __Secure- on https', async () => {
    const auth = createMockAuth({ dialect: 'better-auth' })
    const signed = await auth.signIn('test')
    expect(signed.cookies.map(nameOf)).toEqual(['better-auth.session_token'])
    expect(valueOf(signed.cookies[0]!).startsWith(`${signed.refreshToken}.`)).toBe(true)
    expect((await auth.signIn('test', { url: 'https://app.example.com' })).cookies.map(nameOf)).toEqual(['__Secure-better-auth.session_token'])
  })

  it("a contract: the contract's own cookie names", async () => {
    const auth = createMockAuth({
      contract: {
        name: 'sid-cookies',
        signIn: { route: 'POST /auth/login', body: { ok: true } },
        session: { route: 'GET /auth/me', body: { user: '{{user}}' } },
        cookies: { access: { name: 'sid' }, refresh: { name: 'rt', path: '/auth' } },
        credentials: ['cookie'],
      },
    })
    const signed = await auth.signIn('test')
    expect(signed.cookies.map(nameOf)).toEqual(['sid', 'rt'])
    const me = await auth.engine.fetch(new Request('http://localhost/auth/me', { headers: { cookie: signed.headers.cookie } }))
    expect(me?.status).toBe(200)
  })

  it("rest keeps mock-auth's own session and refresh_token", async () => {
    const signed = await createMockAuth().signIn('test')
    expect(signed.cookies.map(nameOf)).toEqual(['session', 'refresh_token'])
  })
})

describe('the real clients read a minted session (mock-auth serve, POST /__mock-auth/token)', () => {
  let nextAuth: RunningServer
  let betterAuth: RunningServer
  beforeAll(async () => {
    ;[nextAuth, betterAuth] = await Promise.all([createServer({ dialect: 'next-auth', secret: SECRET }).listen(), createServer({ dialect: 'better-auth' }).listen()])
  })
  afterAll(async () => {
    await Promise.all([nextAuth.close(), betterAuth.close()])
  })
  const mint = async (server: RunningServer, body: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/__mock-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status).toBe(200)
    return response.headers.getSetCookie()
  }

  it("next-auth/react's getSession has the minted user; minted expired, it reads signed out", async () => {
    // The client fixes its base URL from NEXTAUTH_URL when its module loads (this file's own module context).
    process.env.NEXTAUTH_URL = `${nextAuth.url}/api/auth`
    const client = (await importUntyped('next-auth/react')) as { getSession(): Promise<{ user?: { email?: string } } | null> }
    const cookies = installCookieFetch()
    try {
      seed(cookies.jar, await mint(nextAuth, { user: 'test', url: nextAuth.url }))
      expect((await client.getSession())?.user).toEqual({ name: 'Test User', email: 'test@example.com' })
      cookies.jar.clear()
      seed(cookies.jar, await mint(nextAuth, { user: 'test', expired: true }))
      expect(await client.getSession()).toBeNull()
    } finally {
      cookies.uninstall()
    }
  })

  it("better-auth's createAuthClient getSession has the minted session; minted expired, none", async () => {
    const jar = jarFetch(betterAuth.url)
    const client = createAuthClient({ baseURL: betterAuth.url, fetchOptions: { customFetchImpl: jar.impl } })
    seed(jar.jar, await mint(betterAuth, { user: 'test' }))
    const { data } = await client.getSession()
    expect(data?.user.email).toBe('test@example.com')
    jar.jar.clear()
    seed(jar.jar, await mint(betterAuth, { user: 'test', expired: true }))
    expect((await client.getSession()).data).toBeNull()
  })

  it('POST /__mock-auth/token refuses a url that is not one', async () => {
    const response = await fetch(`${betterAuth.url}/__mock-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'test', url: 'not a url' }) })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_request' })
  })
})
