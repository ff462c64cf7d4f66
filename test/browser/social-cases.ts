import type { Expect, Page } from '@playwright/test'
import { SESSION_200, type DriverTest } from './auth-cases.js'

const google = (page: Page) => page.getByRole('button', { name: 'Sign in with Google' })

/**
 * "Sign in with Google" in a real browser: the app navigates to /api/auth/signin/google, mock-auth
 * redirects to its Google's account chooser (on the app's origin), and the callback brings the
 * browser back with the session cookies. Not in the MSW-in-the-page way: msw's worker passes
 * navigations through, so a provider cannot answer them there (docs/providers.md).
 */
export function defineSocialCases(test: DriverTest, expect: Expect): void {
  const signedInAs = (page: Page) => page.locator('#signed-in-as')

  test('Sign in with Google: the chooser lists the accounts, picking one comes back signed in', async ({ page, driver }) => {
    await driver.open()
    await google(page).click()
    await expect(page).toHaveURL(/\/oidc\/google\/authorize\?/)
    await expect(page.getByRole('button', { name: /Admin User/ })).toBeVisible()
    await page.getByRole('button', { name: /Test User/ }).click()
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await expect(page.locator('#profile')).toContainText('user123')
    await expect(page.locator('#log li')).toHaveText([SESSION_200, 'GET /api/auth/me → 200'])
  })

  test('Sign in with Google, Deny: back on the sign-in form with access_denied', async ({ page, driver }) => {
    await driver.open()
    await google(page).click()
    await page.getByRole('button', { name: 'Deny' }).click()
    await expect(page.getByRole('alert')).toContainText('(access_denied)')
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    await expect(signedInAs(page)).toBeHidden()
  })

  test('Sign in with Google with the account chosen by the test: no chooser, signed in as that user', async ({ page, driver }) => {
    await driver.open()
    if (!driver.chooseAccount) throw new Error('This way has no chooseAccount control.')
    await driver.chooseAccount('google', 'admin@example.com')
    await google(page).click()
    await expect(signedInAs(page)).toHaveText('Signed in as Admin User (admin)')
  })

  test('the provider-denied scenario: the provider refuses at once, the app shows the error', async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('provider-denied')
    await google(page).click()
    await expect(page.getByRole('alert')).toContainText('(access_denied)')
    await expect(signedInAs(page)).toBeHidden()
  })
}
