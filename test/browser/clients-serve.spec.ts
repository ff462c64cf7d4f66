import { expect, test as base } from '@playwright/test'
import { defineClientCases, type ClientDriver } from './clients/cases.js'
import { clientPagesEnv, type ClientDialect } from './clients/setup.js'

/**
 * Real client libraries, bundled by Vite, in Chromium, against `mock-auth serve --dialect <name>`
 * behind the pages' own origin (a proxy, as a dev server has). Each test has its own namespace
 * (the `mock-auth-namespace` cookie the proxy forwards).
 */
for (const dialect of ['better-auth', 'next-auth'] as const satisfies readonly ClientDialect[]) {
  const test = base.extend<{ driver: ClientDriver }>({
    driver: async ({ page, context }, use, testInfo) => {
      const { appUrl, serveUrl } = clientPagesEnv().serve[dialect]
      const namespace = `clients-${testInfo.testId}-${testInfo.retry}`
      await context.addCookies([{ name: 'mock-auth-namespace', value: namespace, url: appUrl }])
      const control = (method: string, path: string, body?: unknown) =>
        fetch(`${serveUrl}/__mock-auth${path}`, {
          method,
          headers: { 'x-mock-auth-namespace': namespace, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
      await use({
        open: async () => {
          await page.goto(`${appUrl}/?client=${dialect}`)
          await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
        },
        useScenario: async (name) => {
          const response = await control('PUT', '/scenario', { name })
          expect(response.status, await response.clone().text()).toBe(200)
        },
      })
      await control('POST', '/reset')
    },
  })
  test.describe(`${dialect} through mock-auth serve --dialect ${dialect}`, () => {
    defineClientCases(test, expect, dialect)
  })
}
