import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './auth-cases.js'
import { ENV } from './global-setup.js'

/**
 * The dashboard (`GET /__mock-auth/` of `mock-auth serve`) and the in-page panel (browser mode)
 * steering the example app: each test drives the real page and the real mock in Chromium.
 * Screenshots land in test-results/screenshots/; with UPDATE_DOCS_SCREENSHOTS=1 they replace the
 * ones docs/dashboard.md shows in docs/images/ (a plain test run leaves the work tree clean).
 */
const SHOTS = process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'images') : join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

function env(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the browser tests through test/browser/run.mjs.`)
  return value
}

async function openApp(page: Page, namespace: string): Promise<void> {
  const appUrl = env(ENV.proxiedAppUrl)
  await page.context().addCookies([{ name: 'mock-auth-namespace', value: namespace, url: appUrl }])
  await page.goto(appUrl)
  await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
}

async function openDashboard(page: Page, namespace: string): Promise<Page> {
  const dashboard = await page.context().newPage()
  await dashboard.goto(`${env(ENV.serveUrl)}/__mock-auth/?namespace=${encodeURIComponent(namespace)}`)
  await expect(dashboard.getByRole('combobox', { name: 'Scenario', exact: true })).toBeVisible()
  return dashboard
}

// Two pages and a server per test: give each room on a busy machine.
test.describe.configure({ timeout: 60_000 })

test.describe('the dashboard of mock-auth serve', () => {
  test('switching the scenario makes the app\'s next sign-in fail as the scenario says', async ({ page }, info) => {
    const namespace = `dash-scenario-${info.testId}`
    await openApp(page, namespace)
    const dashboard = await openDashboard(page, namespace)
    await dashboard.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('locked')
    await expect(dashboard.getByText('Every sign-in gets 423 account_locked.').last()).toBeVisible()
    await signIn(page, 'test', 'test')
    await expect(page.getByRole('alert')).toContainText('(account_locked)')
  })

  test('revoking a session signs the app out on its next call; the journal shows the requests live', async ({ page }, info) => {
    const namespace = `dash-revoke-${info.testId}`
    await openApp(page, namespace)
    const dashboard = await openDashboard(page, namespace)
    await signIn(page, 'test', 'test')
    await expect(page.locator('#signed-in-as')).toHaveText('Signed in as Test User (test)')
    // Live: the sign-in shows in the journal without reloading the dashboard.
    const journal = dashboard.getByRole('region', { name: 'Journal' })
    await expect(journal.getByRole('cell', { name: 'POST /api/auth/login' })).toBeVisible()
    await expect(journal.getByRole('cell', { name: 'signIn' }).first()).toBeVisible()
    const sessions = dashboard.getByRole('region', { name: 'Sessions' })
    await expect(sessions.getByRole('button', { name: /^Revoke the session of test/ })).toBeVisible()
    mkdirSync(SHOTS, { recursive: true })
    await dashboard.setViewportSize({ width: 1280, height: 800 })
    await dashboard.screenshot({ path: join(SHOTS, 'dashboard-1280.png'), fullPage: true })
    await sessions.getByRole('button', { name: /^Revoke the session of test/ }).click()
    await expect(sessions.getByText('No live sessions.')).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    await expect(journal.getByRole('cell', { name: 'invalid_token' }).first()).toBeVisible()
  })

  test('readable without horizontal scrolling at 390x844, keyboard operable, every control named', async ({ page }, info) => {
    const namespace = `dash-small-${info.testId}`
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${env(ENV.serveUrl)}/__mock-auth/?namespace=${namespace}`)
    await expect(page.getByRole('combobox', { name: 'Scenario', exact: true })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input')].filter((el) => {
        const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent
        return !label || label.trim() === ''
      }).length,
    )
    expect(unnamed).toBe(0)
    // Keyboard: focus the +1h button by tabbing and press it; the clock moves an hour.
    const before = await page.locator('time').first().getAttribute('datetime')
    await page.getByRole('button', { name: '+1h' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('time').first()).not.toHaveAttribute('datetime', before ?? '')
    const after = await page.locator('time').first().getAttribute('datetime')
    expect(Date.parse(after ?? '') - Date.parse(before ?? '')).toBeGreaterThanOrEqual(3_600_000)
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(SHOTS, 'dashboard-390-dark.png'), fullPage: true })
  })

  test('no other site can frame the dashboard or load anything into it', async ({ request }) => {
    const page = await request.get(`${env(ENV.serveUrl)}/__mock-auth/`)
    expect(page.headers()['x-frame-options']).toBe('DENY')
    expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  })
})

test.describe('the panel in the page (browser mode)', () => {
  test('the panel switches the scenario of the in-page mock; the app\'s next sign-in fails', async ({ page }) => {
    await page.goto(`${env(ENV.appUrl)}/?msw=1&panel=1`)
    await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
    const panel = page.locator('mock-auth-panel')
    await expect(panel.getByText('mock-auth: default')).toBeVisible()
    await panel.getByText('mock-auth: default').click()
    await panel.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('locked')
    await expect(panel.getByText('mock-auth: locked')).toBeVisible()
    await signIn(page, 'test', 'test')
    await expect(page.getByRole('alert')).toContainText('(account_locked)')
    await expect(panel.getByRole('region', { name: 'Journal' }).getByRole('cell', { name: 'account_locked' }).first()).toBeVisible()
    // The page's styles do not reach into the panel: its root keeps the dashboard's font.
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'panel.png') })
  })
})
