import { expect, test as base } from 'mock-auth/playwright'
import { defineClientCases, type ClientDriver } from './clients/cases.js'
import { clientPagesEnv, type ClientDialect } from './clients/setup.js'

/**
 * Real client libraries, bundled by Vite, in Chromium, against `mock-auth serve --dialect <name>`
 * behind the pages' own origin (a proxy, as a dev server has). The fixture in server mode
 * (`mockAuthUrl`) gives each test its own namespace on that server and steers it there.
 */
for (const dialect of ['better-auth', 'next-auth', 'authjs'] as const satisfies readonly ClientDialect[]) {
  const test = base.extend<{ driver: ClientDriver }>({
    baseURL: async ({}, use) => use(clientPagesEnv().serve[dialect].appUrl),
    mockAuthUrl: async ({}, use) => use(clientPagesEnv().serve[dialect].serveUrl),
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
  test.describe(`${dialect} through mock-auth serve --dialect ${dialect}`, () => {
    defineClientCases(test, expect, dialect)
  })
}
