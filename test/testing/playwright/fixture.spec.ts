import type { Page } from '@playwright/test'
import { expect, test } from '../../../src/testing/playwright.js'
import { ENV } from './global-setup.js'

test.use({ baseURL: process.env[ENV.appUrl] })

interface PageResponse {
  status: number
  body: Record<string, unknown> | null
}

/** fetch() from the page, with the browser's own cookie jar (same origin as the app). */
function call(page: Page, method: string, path: string, body?: unknown): Promise<PageResponse> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    { method, path, body },
  )
}

const signInForm = (page: Page, password = 'test') => call(page, 'POST', '/api/auth/login', { username: 'test', password })

test.beforeEach(async ({ page }) => {
  await page.goto('/')
})

test.describe('in-process routing (context.route)', () => {
  test('sign-in sets BOTH cookies as real HttpOnly cookies; the browser sends them back', async ({ page, context }) => {
    const login = await signInForm(page)
    expect(login.status).toBe(200)
    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === 'session')
    const refresh = cookies.find((c) => c.name === 'refresh_token')
    expect(session).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' })
    expect(refresh).toMatchObject({ path: '/api/auth', httpOnly: true, sameSite: 'Lax' })
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect((await call(page, 'GET', '/api/auth/session')).body).toMatchObject({ authenticated: true, user: { username: 'test' } })
  })

  test('each test has its own state: a fresh test is signed out', async ({ page, context, mockAuth }) => {
    expect(await context.cookies()).toEqual([])
    expect((await call(page, 'GET', '/api/auth/session')).body).toEqual({ authenticated: false, user: null })
    expect((await mockAuth.state()).sessions).toEqual([])
    expect(mockAuth.mode).toBe('route')
  })

  test("use('expired'): token_expired, then refresh with the cookie, then /me works", async ({ page, mockAuth }) => {
    await mockAuth.use('expired')
    expect((await signInForm(page)).status).toBe(200)
    expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'token_expired' })
    expect((await call(page, 'POST', '/api/auth/refresh')).status).toBe(200)
    expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ user: { username: 'test' } })
  })

  test('clock.advance expires the session cookie token; signIn() puts cookies in the context', async ({ page, mockAuth }) => {
    await mockAuth.signIn('admin')
    expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ user: { username: 'admin' } })
    await mockAuth.clock.advance('16m')
    expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'token_expired' })
  })

  test('sign-out clears both cookies from the browser', async ({ page, context }) => {
    await signInForm(page)
    expect((await call(page, 'POST', '/api/auth/logout')).body).toEqual({ message: 'Signed out', revoked: true })
    expect(await context.cookies()).toEqual([])
  })

  test('network-error drops the connection; unknown scenarios list the known ones', async ({ page, mockAuth }) => {
    await mockAuth.use('network-error')
    const outcome = await page.evaluate(() => fetch('/api/auth/session').then(() => 'answered', () => 'rejected'))
    expect(outcome).toBe('rejected')
    await expect(mockAuth.use('nope')).rejects.toThrow(/Known scenarios: default, /)
  })

  test('requests outside the base path are not routed', async ({ page }) => {
    expect((await call(page, 'GET', '/elsewhere')).status).toBe(404)
    expect((await call(page, 'GET', '/api/auth/unknown')).body).toMatchObject({ error: 'not_found' })
  })
})

test.describe('option fixture', () => {
  test.use({ mockAuthScenario: 'bad-credentials', mockAuthOptions: { users: [{ username: 'test', password: 'secret' }] } })

  test('test.use({ mockAuthScenario }) starts the test in that scenario', async ({ page, mockAuth }) => {
    expect((await signInForm(page, 'secret')).body).toMatchObject({ error: 'invalid_credentials' })
    await mockAuth.use('default')
    expect((await signInForm(page, 'secret')).status).toBe(200)
  })
})

test('mailbox(): a magic link requested by the page is read by the test; following it signs the browser in', async ({ page, mockAuth }) => {
  expect((await call(page, 'POST', '/api/auth/magic-link', { email: 'test@example.com', redirectTo: '/' })).status).toBe(200)
  const [mail] = await mockAuth.mailbox({ to: 'test@example.com' })
  expect(mail).toMatchObject({ kind: 'magic-link', subject: 'Your sign-in link' })
  await page.goto(mail!.link)
  expect(new URL(page.url()).pathname).toBe('/')
  expect((await call(page, 'GET', '/api/auth/session')).body).toMatchObject({ authenticated: true, user: { username: 'test' } })
  await mockAuth.reset()
  expect(await mockAuth.mailbox()).toEqual([])
})

test.describe('mockAuth.fetch: the mock with the page’s cookies (page.request bypasses context.route)', () => {
  test('reads the session the page signed in, and its Set-Cookie signs the page out', async ({ page, mockAuth, context }) => {
    expect((await signInForm(page)).status).toBe(200)
    const me = await mockAuth.fetch('/api/auth/me')
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ user: { username: 'test' } })
    const out = await mockAuth.fetch('/api/auth/logout', { method: 'POST' })
    expect(out.status).toBeLessThan(300)
    // The cleared cookies reached the context: the page itself is signed out now.
    expect((await context.cookies()).filter((c) => c.name === 'session')).toEqual([])
    expect((await call(page, 'GET', '/api/auth/session')).body).toEqual({ authenticated: false, user: null })
    expect((await mockAuth.fetch('/api/auth/me')).status).toBe(401)
  })

  test('answers as the scenario says, and names a path that is not a mock route', async ({ mockAuth }) => {
    await mockAuth.use('bad-credentials')
    const login = await mockAuth.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
    expect(login.status).toBe(401)
    await expect(mockAuth.fetch('/not-auth')).rejects.toThrow(/not one of mock-auth's routes/)
  })
})
