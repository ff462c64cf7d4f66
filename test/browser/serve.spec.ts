import { expect, test as base } from '@playwright/test'
import type { Mail } from '../../src/core/index.js'
import { defineAuthCases, type AuthDriver } from './auth-cases.js'
import { defineFlowCases } from './flow-cases.js'
import { defineSocialCases } from './social-cases.js'
import { ENV } from './global-setup.js'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the browser tests through test/browser/run.mjs (its globalSetup starts the servers).`)
  return value
}

/**
 * Way 1: the app's requests go to its own origin, which proxies them to the `mock-auth serve`
 * started by globalSetup. Every test gets its own namespace (the `mock-auth-namespace` cookie,
 * forwarded by the proxy) so parallel tests on the one server never see each other's state.
 */
const test = base.extend<{ driver: AuthDriver }>({
  driver: async ({ page, context }, use, testInfo) => {
    const appUrl = required(ENV.proxiedAppUrl)
    const serveUrl = required(ENV.serveUrl)
    const namespace = `browser-${testInfo.testId}-${testInfo.retry}`
    await context.addCookies([{ name: 'mock-auth-namespace', value: namespace, url: appUrl }])
    await use({
      open: async () => {
        await page.goto(appUrl)
        await expect(page.locator('body')).not.toHaveAttribute('data-state', 'loading')
      },
      useScenario: async (name) => {
        const response = await fetch(`${serveUrl}/__mock-auth/scenario`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-mock-auth-namespace': namespace },
          body: JSON.stringify({ name }),
        })
        expect(response.status, await response.clone().text()).toBe(200)
        expect(await response.json()).toMatchObject({ name })
      },
      mailbox: async (to) => {
        const response = await fetch(`${serveUrl}/__mock-auth/mailbox?to=${encodeURIComponent(to)}`, { headers: { 'x-mock-auth-namespace': namespace } })
        expect(response.status).toBe(200)
        return (await response.json()) as Mail[]
      },
      followsApiLinks: true,
      chooseAccount: async (provider, account) => {
        const response = await fetch(`${serveUrl}/__mock-auth/providers/next-account`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mock-auth-namespace': namespace },
          body: JSON.stringify({ provider, account }),
        })
        expect(response.status, await response.clone().text()).toBe(200)
      },
    })
    // Leave the shared server as we found it.
    await fetch(`${serveUrl}/__mock-auth/reset`, { method: 'POST', headers: { 'x-mock-auth-namespace': namespace } })
  },
})

defineAuthCases(test, expect)
defineFlowCases(test, expect)
defineSocialCases(test, expect)
