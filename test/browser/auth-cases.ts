import type { Expect, Page, TestType } from '@playwright/test'
import type { Mail } from '../../src/core/index.js'

/** What differs between the three ways: how the app is opened and how a scenario is chosen. */
export interface AuthDriver {
  /** Opens the example app and waits until it knows whether someone is signed in. */
  open(): Promise<void>
  /** Switches the scenario for this test only (other tests and workers keep theirs). */
  useScenario(name: string): Promise<void>
  /** This test's mails to `to`, newest last, read the way's own way (fixture, control API, the page's instance). */
  mailbox(to: string): Promise<Mail[]>
  /**
   * Whether a navigation to an /api/auth URL reaches mock-auth. Not with MSW in the page: msw's
   * worker passes navigations through to the network, so a magic link must be posted instead.
   */
  readonly followsApiLinks: boolean
  /** The account the next authorization at a mock provider gets, without its chooser (serve and fixture ways). */
  chooseAccount?(provider: string, account: string): Promise<void>
}

// Each spec passes its own `test`, which also carries that way's fixtures; only these two are used.
export type DriverTest = TestType<{ page: Page; driver: AuthDriver } & Record<string, any>, object>

export const SESSION_200 = 'GET /api/auth/session → 200'

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/**
 * The cases every way must pass, word for word: the on-page request log is compared exactly, so a
 * way that skips the refresh, retries twice or answers another status fails here.
 */
export function defineAuthCases(test: DriverTest, expect: Expect): void {
  const log = (page: Page) => expect(page.locator('#log li'))
  const signedInAs = (page: Page) => page.locator('#signed-in-as')
  const signInForm = (page: Page) => page.getByRole('heading', { name: 'Sign in', exact: true })

  test('valid sign-in shows the session and the user from /me, in HttpOnly cookies', async ({ page, driver }) => {
    await driver.open()
    await expect(signInForm(page)).toBeVisible()
    await signIn(page, 'test', 'test')
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await expect(page.locator('#profile')).toContainText('user123')
    await expect(page.locator('#profile')).toContainText('test@example.com')
    await log(page).toHaveText([SESSION_200, 'POST /api/auth/login → 200', SESSION_200, 'GET /api/auth/me → 200'])
    // Page scripts never see the tokens: both cookies are HttpOnly (emulated by MSW in the page).
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/(^|; )(session|refresh_token)=/)
  })

  test('a wrong password shows invalid_credentials and keeps the form', async ({ page, driver }) => {
    await driver.open()
    await signIn(page, 'test', 'not-the-password')
    await expect(page.getByRole('alert')).toContainText('(invalid_credentials)')
    await expect(signInForm(page)).toBeVisible()
    await expect(signedInAs(page)).toBeHidden()
    await log(page).toHaveText([SESSION_200, 'POST /api/auth/login → 401 invalid_credentials'])
  })

  test('the bad-credentials scenario refuses even the right password', async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('bad-credentials')
    await signIn(page, 'test', 'test')
    await expect(page.getByRole('alert')).toContainText('(invalid_credentials)')
    await expect(signInForm(page)).toBeVisible()
    await log(page).toHaveText([SESSION_200, 'POST /api/auth/login → 401 invalid_credentials'])
  })

  test('an expired access token is refreshed and the call retried once', async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('expired')
    await signIn(page, 'test', 'test')
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await expect(page.locator('#profile')).toContainText('user123')
    await log(page).toHaveText([
      SESSION_200,
      'POST /api/auth/login → 200',
      'GET /api/auth/session → 401 token_expired',
      'POST /api/auth/refresh → 200',
      SESSION_200,
      'GET /api/auth/me → 200',
    ])
  })

  test('a failed refresh sends the user back to sign-in', async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('refresh-expired')
    await signIn(page, 'test', 'test')
    await expect(page.getByRole('status')).toHaveText('Session expired, sign in again.')
    await expect(signInForm(page)).toBeVisible()
    await log(page).toHaveText([
      SESSION_200,
      'POST /api/auth/login → 200',
      'GET /api/auth/session → 401 token_expired',
      'POST /api/auth/refresh → 401 refresh_token_expired',
    ])
    // Back on the form, a fresh sign-in under the default scenario works.
    await driver.useScenario('default')
    await signIn(page, 'test', 'test')
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
  })

  test('sign-out revokes the session and survives a reload', async ({ page, driver }) => {
    await driver.open()
    await signIn(page, 'test', 'test')
    await expect(signedInAs(page)).toBeVisible()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('status')).toHaveText('You are signed out; the server revoked your session.')
    await expect(signInForm(page)).toBeVisible()
    await log(page).toHaveText([SESSION_200, 'POST /api/auth/login → 200', SESSION_200, 'GET /api/auth/me → 200', 'POST /api/auth/logout → 200', SESSION_200])
    const me = await page.evaluate(async () => (await fetch('/api/auth/me', { credentials: 'include' })).status)
    expect(me).toBe(401)
    await page.reload()
    await expect(signInForm(page)).toBeVisible()
    await log(page).toHaveText([SESSION_200])
  })

  test('a reload keeps the user signed in', async ({ page, driver }) => {
    await driver.open()
    await signIn(page, 'test', 'test')
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await page.reload()
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    // A new page: no sign-in request, the session came back from the cookies (or MSW's storage).
    await log(page).toHaveText([SESSION_200, 'GET /api/auth/me → 200'])
  })
}
