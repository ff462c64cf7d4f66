import type { Expect, Page } from '@playwright/test'
import { SESSION_200, signIn, type DriverTest } from './auth-cases.js'

/**
 * The screens around sign-in, the same in every way: the MFA step, forgot/reset password and a
 * magic link. Every mail is read from the mailbox by the test, as a user would open their inbox.
 */
export function defineFlowCases(test: DriverTest, expect: Expect): void {
  const log = (page: Page) => expect(page.locator('#log li'))
  const signedInAs = (page: Page) => page.locator('#signed-in-as')

  test('the mfa scenario asks for a code: a wrong one is refused, 000000 signs in', async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('mfa')
    await signIn(page, 'test', 'test')
    await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible()
    // No session before the second factor.
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('session')
    await page.getByLabel('Code', { exact: true }).fill('123456')
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.locator('#mfa-error')).toContainText('(invalid_mfa_code)')
    await page.getByLabel('Code', { exact: true }).fill('000000')
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await log(page).toHaveText([
      SESSION_200,
      'POST /api/auth/login → 200',
      'POST /api/auth/mfa/verify → 401 invalid_mfa_code',
      'POST /api/auth/mfa/verify → 200',
      SESSION_200,
      'GET /api/auth/me → 200',
    ])
  })

  test('forgot password: the mailed link opens the reset form, and the new password signs in', async ({ page, driver }) => {
    await driver.open()
    await page.getByRole('button', { name: 'Forgot password?' }).click()
    await page.locator('#forgot').getByLabel('Email', { exact: true }).fill('test@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect(page.locator('#forgot-notice')).toHaveText('If an account uses that address, a reset link is on its way.')
    const [mail] = await driver.mailbox('test@example.com')
    expect(mail).toMatchObject({ kind: 'reset-password', subject: 'Reset your password' })
    await page.goto(mail!.link)
    await page.getByLabel('New password', { exact: true }).fill('n3w-password')
    await page.getByRole('button', { name: 'Set password' }).click()
    await expect(page.locator('#notice')).toHaveText('Password changed. Sign in with your new password.')
    await log(page).toHaveText(['POST /api/auth/reset-password → 200'])
    await signIn(page, 'test', 'test')
    await expect(page.locator('#error')).toContainText('(invalid_credentials)')
    await signIn(page, 'test', 'n3w-password')
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
  })

  test('a magic link from the mailbox signs the browser in', async ({ page, driver }) => {
    test.skip(!driver.followsApiLinks, 'msw passes navigations through to the network; see docs/mfa-and-mail.md')
    await driver.open()
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await page.locator('#magic').getByLabel('Email', { exact: true }).fill('test@example.com')
    await page.getByRole('button', { name: 'Send sign-in link' }).click()
    await expect(page.locator('#magic-notice')).toHaveText('Check your inbox: a sign-in link is on its way.')
    const [mail] = await driver.mailbox('test@example.com')
    expect(mail).toMatchObject({ kind: 'magic-link', subject: 'Your sign-in link' })
    await page.goto(mail!.link)
    await expect(signedInAs(page)).toHaveText('Signed in as Test User (test)')
    await log(page).toHaveText([SESSION_200, 'GET /api/auth/me → 200'])
  })
}
