import type { Page } from '@playwright/test'
import { expect, test } from '../../../src/testing/playwright.js'
import { ENV } from './global-setup.js'

const serverUrl = process.env[ENV.serverUrl] as string
test.use({ baseURL: process.env[ENV.appUrl], mockAuthUrl: serverUrl })

/** The page calls the shared mock-auth server directly (same host, another port: CORS with credentials). */
function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const res = await fetch(url, {
        method,
        credentials: 'include',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    { url: serverUrl + path, method, body },
  )
}

test.beforeEach(async ({ page }) => {
  await page.goto('/')
})

// These run in parallel on two workers against ONE server: each only ever sees its own namespace.
test.describe.configure({ mode: 'parallel' })

for (const scenario of ['bad-credentials', 'locked', 'default', 'expired'] as const) {
  test(`namespace isolation on a shared server: ${scenario}`, async ({ page, mockAuth }) => {
    expect(mockAuth.mode).toBe('server')
    await mockAuth.use(scenario)
    const login = await call(page, 'POST', '/api/auth/login', { username: 'test', password: 'test' })
    const expected = { 'bad-credentials': 401, locked: 423, default: 200, expired: 200 }[scenario]
    expect(login.status).toBe(expected)
    expect((await mockAuth.state()).sessions).toHaveLength(expected === 200 ? 1 : 0)
    if (scenario === 'expired') {
      expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'token_expired' })
      expect((await call(page, 'POST', '/api/auth/refresh')).status).toBe(200)
      expect((await call(page, 'GET', '/api/auth/me')).status).toBe(200)
    }
  })
}

test('server mode: clock control and signIn() through the control API', async ({ page, mockAuth, context }) => {
  const signed = await mockAuth.signIn('test', { url: serverUrl })
  expect(signed.accessToken).toBeTruthy()
  const httpOnly = (await context.cookies()).filter((c) => c.httpOnly)
  expect(httpOnly.map((c) => `${c.name} ${c.path}`).sort()).toEqual(['refresh_token /api/auth', 'session /'])
  expect((await call(page, 'GET', '/api/auth/me')).status).toBe(200)
  const before = await mockAuth.clock.now()
  const after = await mockAuth.clock.advance('16m')
  expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(16 * 60_000)
  expect((await call(page, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'token_expired' })
  await expect(mockAuth.use('nope')).rejects.toThrow(/Unknown scenario "nope"/)
})

test('server mode: mailbox() reads this namespace’s mails from GET /__mock-auth/mailbox', async ({ page, mockAuth }) => {
  expect((await call(page, 'POST', '/api/auth/forgot-password', { email: 'test@example.com' })).status).toBe(200)
  const mails = await mockAuth.mailbox({ to: 'test@example.com' })
  expect(mails.map((m) => m.kind)).toEqual(['reset-password'])
  const reset = await call(page, 'POST', '/api/auth/reset-password', { token: mails[0]!.token, password: 'n3w' })
  expect(reset.body).toMatchObject({ revokedSessions: 0 })
  expect((await call(page, 'POST', '/api/auth/login', { username: 'test', password: 'n3w' })).status).toBe(200)
})

test('server mode: mockAuth.fetch calls the server in this namespace with the context’s cookies', async ({ mockAuth }) => {
  await mockAuth.signIn('test', { url: serverUrl })
  const me = await mockAuth.fetch(`${serverUrl}/api/auth/me`)
  expect(me.status).toBe(200)
  expect(await me.json()).toMatchObject({ user: { username: 'test' } })
  await mockAuth.use('server-error')
  expect((await mockAuth.fetch(`${serverUrl}/api/auth/me`)).status).toBe(500)
})
