import type { BrowserContext, Expect, Page, TestType } from '@playwright/test'
import type { ClientDialect } from './setup.js'

/** How a way opens a page and switches the scenario for this test only. */
export interface ClientDriver {
  /** Opens the page on the dialect's client (`/?client=<dialect>`) and waits until it knows the session. */
  open(): Promise<void>
  useScenario(name: string): Promise<void>
  /** `mockAuth.signIn(user)`: the session minted in the dialect's own cookie, no form. */
  signIn(user: string): Promise<void>
}

export type ClientTest = TestType<{ page: Page; context: BrowserContext; driver: ClientDriver } & Record<string, any>, object>

/** What each real client shows for a refused sign-in, and which cookie holds its session. */
export const CLIENTS: Record<ClientDialect, { badCredentials: string; serverError: RegExp; sessionCookie: string; denied: RegExp }> = {
  // better-auth's client: `error.status` and `error.code` of its `{ code, message }` body.
  // A refused social sign-in: better-auth back to errorCallbackURL with ?error=, next-auth v4 on its error page.
  'better-auth': { badCredentials: '401 INVALID_EMAIL_OR_PASSWORD', serverError: /^500 /, sessionCookie: 'better-auth.session_token', denied: /\/\?client=better-auth&error=access_denied&error_description=/ },
  // next-auth/react's signIn: the answer's status and the `error` query of its `{ url }`.
  'next-auth': { badCredentials: '401 CredentialsSignin', serverError: /^401 The auth server failed/, sessionCookie: 'next-auth.session-token', denied: /\/api\/auth\/error\?error=Callback$/ },
  // v5's signIn: 200 with `error` and `code` of the `{ url }` (a thrown authorize is `Configuration`).
  authjs: { badCredentials: '200 CredentialsSignin (credentials)', serverError: /^200 Configuration$/, sessionCookie: 'authjs.session-token', denied: /\/api\/auth\/signin\?error=OAuthCallbackError$/ },
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** The same cases for each real client page, whoever answers its /api/auth. */
export function defineClientCases(test: ClientTest, expect: Expect, dialect: ClientDialect): void {
  const client = CLIENTS[dialect]
  const status = (page: Page) => expect(page.locator('#status'))
  const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === client.sessionCookie)

  test(`${dialect}: valid sign-in shows the session, kept in an HttpOnly cookie across a reload`, async ({ page, context, driver }) => {
    await driver.open()
    await status(page).toHaveText('Signed out')
    await signIn(page, 'test@example.com', 'test')
    await status(page).toHaveText('Signed in as test@example.com')
    await expect(page.locator('#error')).toHaveText('')
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(await page.evaluate(() => document.cookie)).not.toContain(client.sessionCookie)
    await page.reload()
    await status(page).toHaveText('Signed in as test@example.com')
  })

  test(`${dialect}: bad credentials show the client's error and no session`, async ({ page, context, driver }) => {
    await driver.open()
    await signIn(page, 'test@example.com', 'not-the-password')
    await expect(page.locator('#error')).toHaveText(client.badCredentials)
    await status(page).toHaveText('Signed out')
    expect(await sessionCookie(context)).toBeUndefined()
  })

  test(`${dialect}: sign-out ends the session and clears the cookie`, async ({ page, context, driver }) => {
    await driver.open()
    await signIn(page, 'test@example.com', 'test')
    await status(page).toHaveText('Signed in as test@example.com')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await status(page).toHaveText('Signed out')
    expect(await sessionCookie(context)).toBeUndefined()
    await page.reload()
    await status(page).toHaveText('Signed out')
  })

  test(`${dialect}: mockAuth.signIn starts the page signed in without the form, in the dialect's cookie`, async ({ page, context, driver }) => {
    await driver.signIn('admin')
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true })
    await driver.open()
    await status(page).toHaveText('Signed in as admin@example.com')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await status(page).toHaveText('Signed out')
  })

  test(`${dialect}: the expired scenario signs in to a session that reads as signed out`, async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('expired')
    await signIn(page, 'test@example.com', 'test')
    await expect(page.locator('#error')).toHaveText('')
    await status(page).toHaveText('Signed out')
  })

  test(`${dialect}: the server-error scenario refuses the sign-in as the real stack would`, async ({ page, driver }) => {
    await driver.open()
    await driver.useScenario('server-error')
    await signIn(page, 'test@example.com', 'test')
    await expect(page.locator('#error')).toHaveText(client.serverError)
  })

  test(`${dialect}: Sign in with Google through the real client: the chooser, a pick, back on the page signed in`, async ({ page, context, driver }) => {
    await driver.open()
    await page.getByRole('button', { name: 'Sign in with Google' }).click()
    await expect(page).toHaveURL(/\/oidc\/google\/authorize\?/)
    await page.getByRole('button', { name: /Admin User/ }).click()
    await expect(page).toHaveURL(new RegExp(`\\?client=${dialect}$`))
    await status(page).toHaveText('Signed in as admin@example.com')
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true })
  })

  test(`${dialect}: Sign in with Google, Deny: the client's library answers the refusal, no session`, async ({ page, context, driver }) => {
    await driver.open()
    await page.getByRole('button', { name: 'Sign in with Google' }).click()
    await page.getByRole('button', { name: 'Deny' }).click()
    await expect(page).toHaveURL(client.denied)
    expect(await sessionCookie(context)).toBeUndefined()
  })

  // A plain link to /api/auth/signin/google (next-auth/react POSTs; a link GETs): v4 shows its
  // sign-in page, whose Google button starts the flow; v5 sends the browser to its Configuration
  // error (@auth/core's renderPage().signin throws UnknownAction for any provider id).
  if (dialect !== 'better-auth') {
    test(`${dialect}: a link to /api/auth/signin/google lands where ${dialect === 'authjs' ? 'Auth.js v5' : 'next-auth v4'} sends a browser`, async ({ page, driver }) => {
      await driver.open()
      await page.goto(new URL('/api/auth/signin/google', page.url()).href)
      if (dialect === 'authjs') {
        await expect(page).toHaveURL(/\/api\/auth\/error\?error=Configuration$/)
        await expect(page.locator('[data-error]')).toHaveText('Configuration')
      } else {
        await expect(page).toHaveURL(/\/api\/auth\/signin\/google$/)
        await page.getByRole('button', { name: 'Sign in with Google' }).click()
        await expect(page).toHaveURL(/\/oidc\/google\/authorize\?/)
        await expect(page.getByRole('button', { name: 'Deny' })).toBeVisible()
      }
    })
  }
}
