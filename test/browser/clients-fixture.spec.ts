import { expect, test as base } from 'mock-auth/playwright'
import { defineClientCases, type ClientDriver } from './clients/cases.js'
import { clientPagesEnv, type ClientDialect } from './clients/setup.js'

/**
 * Real client libraries (better-auth's `createAuthClient`, next-auth v4's and v5's `next-auth/react`),
 * bundled by Vite, in Chromium; the package's own fixture answers their /api/auth in the test
 * process, in the dialect `mockAuthDialect` names. The pages' server has no backend (502).
 */
for (const dialect of ['better-auth', 'next-auth', 'authjs'] as const satisfies readonly ClientDialect[]) {
  const test = base.extend<{ driver: ClientDriver }>({
    baseURL: async ({}, use) => use(clientPagesEnv().appUrl),
    driver: async ({ page, mockAuth }, use) => {
      await use({
        open: async () => {
          await page.goto(`/?client=${dialect}`)
          await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
        },
        useScenario: async (name) => void (await mockAuth.use(name)),
        signIn: async (user) => void (await mockAuth.signIn(user)),
      })
    },
  })
  test.describe(`${dialect} through the fixture`, () => {
    test.use({ mockAuthDialect: dialect })
    defineClientCases(test, expect, dialect)
  })
}
