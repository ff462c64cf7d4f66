import { expect, test, type Page } from '@playwright/test'
import { signIn } from './clients/cases.js'
import { clientPagesEnv } from './clients/setup.js'

/**
 * next-auth v4's real client (`next-auth/react`) in Chromium against `createBrowserMockAuth({
 * dialect: 'next-auth' })` in the page's MSW service worker (`?msw=1`): no server answers
 * /api/auth (the pages' server gives 502). mock-auth keeps next-auth's HttpOnly cookies (CSRF,
 * callback URL, session) in its own jar, persisted with its state, so a reload stays signed in.
 */
type InPage = { mockAuth: { use(name: string): unknown; signIn(user: string): Promise<unknown> } }
const JAR = 'mock-auth:/api/auth:cookies'

async function open(page: Page): Promise<void> {
  await page.goto(`${clientPagesEnv().appUrl}/?client=next-auth&msw=1`)
  // Registering the worker and booting mock-auth in the page takes seconds on a loaded machine.
  await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 })
}

const status = (page: Page) => expect(page.locator('#status'))
const jarNames = async (page: Page) => ((JSON.parse((await page.evaluate((key) => localStorage.getItem(key), JAR)) ?? '[]') as { name: string }[]).map((c) => c.name)).sort()

test('sign-in, the session across a reload, sign-out: next-auth cookies kept in mock-auth\'s jar', async ({ page }) => {
  await open(page)
  await status(page).toHaveText('Signed out')
  await signIn(page, 'test@example.com', 'test')
  await status(page).toHaveText('Signed in as test@example.com')
  expect(await jarNames(page)).toEqual(['next-auth.callback-url', 'next-auth.csrf-token', 'next-auth.session-token'])
  await page.reload()
  await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 })
  await status(page).toHaveText('Signed in as test@example.com')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await status(page).toHaveText('Signed out')
  expect(await jarNames(page)).not.toContain('next-auth.session-token')
})

test('bad credentials: next-auth/react reports 401 CredentialsSignin', async ({ page }) => {
  await open(page)
  await signIn(page, 'test@example.com', 'wrong')
  await expect(page.locator('#error')).toHaveText('401 CredentialsSignin')
  await status(page).toHaveText('Signed out')
})

test('the server-error scenario, chosen in the page: the sign-in fails as when authorize throws', async ({ page }) => {
  await open(page)
  await page.evaluate(() => (window as unknown as InPage).mockAuth.use('server-error'))
  await signIn(page, 'test@example.com', 'test')
  await expect(page.locator('#error')).toHaveText(/^401 The auth server failed/)
})

test('mockAuth.signIn in the page: the next load starts signed in, without the form', async ({ page }) => {
  await open(page)
  await page.evaluate(() => (window as unknown as InPage).mockAuth.signIn('admin'))
  await page.reload()
  await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 })
  await status(page).toHaveText('Signed in as admin@example.com')
})
