import { expect, test as base } from 'mock-auth/playwright'
import { defineAuthCases, type AuthDriver } from './auth-cases.js'
import { defineFlowCases } from './flow-cases.js'
import { defineSocialCases } from './social-cases.js'
import { ENV } from './global-setup.js'

/**
 * Way 3: the package's own Playwright fixture. `mockAuth` (automatic) answers the context's
 * /api/auth requests from an engine in the test process through `context.route`, with real
 * HttpOnly cookies in the browser; each test has its own engine. The app's server has no backend,
 * so a request the fixture did not answer gets 502 `no_backend` and fails the case.
 */
const test = base.extend<{ driver: AuthDriver }>({
  baseURL: async ({}, use) => {
    const appUrl = process.env[ENV.appUrl]
    if (!appUrl) throw new Error(`${ENV.appUrl} is not set: run the browser tests through test/browser/run.mjs.`)
    await use(appUrl)
  },
  driver: async ({ page, mockAuth }, use) => {
    await use({
      open: async () => {
        await page.goto('/')
        await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
      },
      useScenario: async (name) => {
        await mockAuth.use(name)
      },
      mailbox: (to) => mockAuth.mailbox({ to }),
      followsApiLinks: true,
      chooseAccount: async (provider, account) => void (await mockAuth.chooseAccount(provider, account)),
    })
  },
})

defineAuthCases(test, expect)
defineFlowCases(test, expect)
defineSocialCases(test, expect)
