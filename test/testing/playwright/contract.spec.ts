import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '../../../src/testing/playwright.js'
import { ENV } from './global-setup.js'

/** The seed's own backend shape, from the shipped example (examples/contracts/nextjs-route.json). */
const seedContract = JSON.parse(readFileSync(new URL('../../../examples/contracts/nextjs-route.json', import.meta.url), 'utf8')) as Record<string, unknown>
const appUrl = process.env[ENV.appUrl] ?? ''

/**
 * A page written against the seed's app/api/auth/route.ts: a sign-in form posting to /api/auth,
 * the session status from GET /api/auth, sign-out with DELETE. It knows nothing of mock-auth.
 */
const SEED_PAGE = `<!doctype html><meta charset="utf-8"><title>seed app</title>
<form id="login"><input name="username" aria-label="Username"><input name="password" type="password" aria-label="Password"><button>Sign in</button></form>
<p id="status">...</p><p id="error"></p><button id="logout">Sign out</button>
<script>
const status = document.getElementById('status'), error = document.getElementById('error'), form = document.getElementById('login')
async function showStatus() {
  const res = await fetch('/api/auth')
  const body = await res.json()
  status.textContent = !res.ok ? 'Error: ' + body.error : body.authenticated ? 'Signed in as ' + body.user.username : 'Signed out'
}
form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const res = await fetch('/api/auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: form.username.value, password: form.password.value }) })
  const body = await res.json()
  error.textContent = res.ok ? body.message : body.error
  await showStatus()
})
document.getElementById('logout').addEventListener('click', async () => {
  const res = await fetch('/api/auth', { method: 'DELETE' })
  error.textContent = (await res.json()).message
  await showStatus()
})
showStatus()
</script>`

test.use({ baseURL: appUrl, mockAuthContract: seedContract })

async function open(page: Page): Promise<void> {
  // A page route wins over the fixture's context route: this page is the app, /api/auth is mock-auth.
  await page.route(`${appUrl}/seed`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SEED_PAGE }))
  await page.goto('/seed')
  await expect(page.locator('#status')).toHaveText('Signed out')
}

async function signIn(page: Page, password = 'test'): Promise<void> {
  await page.getByLabel('Username').fill('test')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test.describe('the seed contract driving a page in Chromium', () => {
  test('sign-in sets the HttpOnly session cookie for an hour; a reload stays signed in', async ({ page, context }) => {
    await open(page)
    const before = Date.now() / 1000
    await signIn(page)
    await expect(page.locator('#error')).toHaveText('Authenticated')
    await expect(page.locator('#status')).toHaveText('Signed in as test')
    const cookies = await context.cookies()
    expect(cookies.map((c) => c.name)).toEqual(['session'])
    const session = cookies[0]
    expect(session).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' })
    expect(session?.expires).toBeGreaterThan(before + 3590)
    expect(session?.expires).toBeLessThan(before + 3610)
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await page.reload()
    await expect(page.locator('#status')).toHaveText('Signed in as test')
  })

  test('bad credentials show "Invalid credentials" and set no cookie', async ({ page, context }) => {
    await open(page)
    await signIn(page, 'wrong')
    await expect(page.locator('#error')).toHaveText('Invalid credentials')
    await expect(page.locator('#status')).toHaveText('Signed out')
    expect(await context.cookies()).toEqual([])
  })

  test('sign-out answers "Signed out" and the browser drops the expired cookie', async ({ page, context }) => {
    await open(page)
    await signIn(page)
    await expect(page.locator('#status')).toHaveText('Signed in as test')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.locator('#error')).toHaveText('Signed out')
    await expect(page.locator('#status')).toHaveText('Signed out')
    expect(await context.cookies()).toEqual([])
  })

  test('scenarios apply unchanged: expired tokens, then a locked account', async ({ page, mockAuth }) => {
    await open(page)
    await mockAuth.use('expired')
    await signIn(page)
    await expect(page.locator('#status')).toHaveText('Error: The access token has expired. Refresh it or sign in again.')
    await mockAuth.use('locked')
    await signIn(page)
    await expect(page.locator('#error')).toHaveText('This account is locked.')
  })
})
