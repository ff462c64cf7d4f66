import type { Page } from '@playwright/test'
import { describeScenarios, expect, test } from '../../../src/testing/playwright.js'
import { ENV } from './global-setup.js'

const appUrl = process.env[ENV.appUrl] as string
const serverUrl = process.env[ENV.serverUrl] as string

/** fetch() from the page: same-origin in route mode, the shared server (CORS with credentials) in server mode. */
function call(page: Page, base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return page.evaluate(
    async ({ url, method, body }) => {
      try {
        const res = await fetch(url, { method, credentials: 'include', ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) })
        const text = await res.text()
        return { status: res.status, body: text ? JSON.parse(text) : null }
      } catch {
        return { status: 0, body: null }
      }
    },
    { url: base + path, method, body },
  )
}

// The same tests in both modes: this test's own engine behind context.route, and a namespace on a running server.
for (const mode of ['route', 'server'] as const) {
  test.describe(`journal, failNext, expire and users (${mode} mode)`, () => {
    test.use({ baseURL: appUrl, ...(mode === 'server' ? { mockAuthUrl: serverUrl } : {}) })
    const base = mode === 'server' ? serverUrl : ''

    test.beforeEach(async ({ page }) => {
      await page.goto('/')
    })

    test('the app refreshed once after a failed refresh; the matchers read the journal', async ({ page, mockAuth }) => {
      expect(mockAuth.mode).toBe(mode)
      expect((await call(page, base, 'POST', '/api/auth/login', { username: 'test', password: 'test' })).status).toBe(200)
      expect(await mockAuth.expire()).toBe(1)
      expect((await call(page, base, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'token_expired' })
      await mockAuth.failNext('refresh', { error: 'server_error' })
      expect((await call(page, base, 'POST', '/api/auth/refresh')).status).toBe(500)
      expect((await call(page, base, 'POST', '/api/auth/refresh')).status).toBe(200)
      expect((await call(page, base, 'GET', '/api/auth/me')).status).toBe(200)
      await expect(mockAuth).toHaveSignedIn('test')
      await expect(mockAuth).toHaveRefreshed(1)
      await expect(mockAuth).toHaveHandled('refresh', { times: 2 })
      await expect(mockAuth).toHaveHandled('refresh', { error: 'server_error', times: 1 })
      await expect(mockAuth).toHaveHandled('me', { status: 401, error: 'token_expired', user: 'test' })
      await expect(mockAuth).not.toHaveSignedOut()
      const journal = await mockAuth.journal()
      expect(journal.map((e) => `${e.operation} ${e.status}`)).toEqual(['signIn 200', 'me 401', 'refresh 500', 'refresh 200', 'me 200'])
      expect(await mockAuth.journal({ since: journal[3]?.seq ?? 0 })).toHaveLength(1)
      await mockAuth.clearJournal()
      expect(await mockAuth.journal()).toEqual([])
    })

    test('a failing matcher prints the entries it looked at', async ({ page, mockAuth }) => {
      await call(page, base, 'POST', '/api/auth/login', { username: 'test', password: 'nope' })
      const error = await expect(mockAuth).toHaveSignedIn().then(() => undefined, (e: Error) => e)
      expect(error?.message).toMatch(/Expected mock-auth to have signed a user in, but it did not once\.\nJournal entries for signIn \(1\):\n {2}#\d+ \S+ POST \/api\/auth\/login -> 401 invalid_credentials/)
    })

    test('failNext network-error drops the next call; pending ones show in state', async ({ page, mockAuth }) => {
      await mockAuth.failNext('session', 'network-error', { times: 2 })
      expect((await mockAuth.state()).failNext).toEqual([{ operation: 'session', answer: 'network-error', times: 2 }])
      expect((await call(page, base, 'GET', '/api/auth/session')).status).toBe(0)
      expect((await call(page, base, 'GET', '/api/auth/session')).status).toBe(0)
      expect((await call(page, base, 'GET', '/api/auth/session')).status).toBe(200)
      await expect(mockAuth).toHaveHandled('session', { status: 0, error: 'network-error', times: 2 })
      await expect(mockAuth.failNext('nope' as 'me', { error: 'server_error' })).rejects.toThrow(/not an operation/)
    })

    test('users.add with a scenario holds a locked user next to a healthy one; users.remove revokes', async ({ page, mockAuth }) => {
      const locked = await mockAuth.users.add({ username: 'locked-user', password: 'x', scenario: 'locked' })
      expect((await call(page, base, 'POST', '/api/auth/login', { username: 'locked-user', password: 'x' })).status).toBe(423)
      expect((await call(page, base, 'POST', '/api/auth/login', { username: 'test', password: 'test' })).status).toBe(200)
      await expect(mockAuth).toHaveHandled('signIn', { error: 'account_locked', user: locked.id })
      expect(await mockAuth.users.remove('user123')).toBe(true)
      expect((await call(page, base, 'GET', '/api/auth/me')).body).toMatchObject({ error: 'invalid_token' })
      expect(await mockAuth.users.remove('user123')).toBe(false)
      await expect(mockAuth.users.add({ username: 'admin', password: 'x' })).rejects.toThrow(/already exists/)
    })
  })
}

// One body, every scenario, each under its own name; in route mode each test has its own engine.
test.describe('describeScenarios', () => {
  test.use({ baseURL: appUrl })
  describeScenarios(['default', 'bad-credentials', 'locked'], (scenario) => {
    test('sign-in answers as the scenario says', async ({ page, mockAuth }) => {
      await page.goto('/')
      const res = await call(page, '', 'POST', '/api/auth/login', { username: 'test', password: 'test' })
      expect(res.status).toBe({ default: 200, 'bad-credentials': 401, locked: 423 }[scenario])
      await expect(mockAuth).toHaveHandled('signIn', { times: 1 })
      expect((await mockAuth.state()).scenario).toBe(scenario)
    })
  })
})

test.describe('describeScenarios over a shared server', () => {
  test.use({ baseURL: appUrl, mockAuthUrl: serverUrl })
  describeScenarios(['expired', 'default'], (scenario) => {
    test('me after sign-in', async ({ page, mockAuth }) => {
      await page.goto('/')
      await call(page, serverUrl, 'POST', '/api/auth/login', { username: 'test', password: 'test' })
      const me = await call(page, serverUrl, 'GET', '/api/auth/me')
      expect(me.status).toBe(scenario === 'expired' ? 401 : 200)
      await expect(mockAuth).toHaveSignedIn('test')
    })
  })
})
