import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { expect, test as base } from '@playwright/test'
import type { Mail } from '../../src/core/index.js'
import { defineAuthCases, type AuthDriver } from './auth-cases.js'
import { defineFlowCases } from './flow-cases.js'
import { ENV } from './global-setup.js'

/**
 * Way 2: mock-auth runs inside the page, in MSW's service worker (the app loaded with ?msw=1 and
 * `npx msw init`'s worker script). The app's server has no backend: a request the worker did not
 * answer gets 502 `no_backend` and fails the case. Each test has a fresh context, so its own
 * service worker, storage and mock state.
 */
const test = base.extend<{ driver: AuthDriver }>({
  driver: async ({ page }, use) => {
    const appUrl = process.env[ENV.appUrl]
    if (!appUrl) throw new Error(`${ENV.appUrl} is not set: run the browser tests through test/browser/run.mjs.`)
    await use({
      open: async () => {
        await page.goto(`${appUrl}/?msw=1`)
        // Registering the worker and loading msw's build in the page took over 5 s on a loaded machine.
        await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 })
      },
      // The example's dev entry exposes its instance as window.mockAuth for exactly this.
      useScenario: async (name) => {
        await page.evaluate((scenario) => (window as unknown as { mockAuth: { use(name: string): unknown } }).mockAuth.use(scenario), name)
      },
      mailbox: (to) => page.evaluate((recipient) => (window as unknown as { mockAuth: { mailbox(f: { to: string }): Mail[] } }).mockAuth.mailbox({ to: recipient }), to),
      followsApiLinks: false,
    })
  },
})

defineAuthCases(test, expect)
defineFlowCases(test, expect)

// The page runs the msw the suite was started with (the Node 22 run passes msw 3 in MOCK_AUTH_MSW_DIR).
test('the page and its worker run the expected msw', async ({ page }) => {
  const appUrl = process.env[ENV.appUrl]
  const mswDir = process.env.MOCK_AUTH_MSW_DIR
  const { version } = JSON.parse(readFileSync(join(mswDir ?? dirname(createRequire(import.meta.url).resolve('msw/package.json')), 'package.json'), 'utf8')) as { version: string }
  const worker = await page.request.get(`${appUrl}/mockServiceWorker.js`)
  expect(await worker.text()).toContain(`PACKAGE_VERSION = '${version}'`)
})
