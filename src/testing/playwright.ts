import { test as base, expect } from '@playwright/test'
import type { MockAuthOptions } from '../../handlers/engine-options.js'
import type { DialectName } from '../dialects/index.js'
import { routeMockAuth } from './playwright-route.js'
import { serverMockAuth } from './playwright-server.js'
import type { PlaywrightMockAuth } from './playwright-types.js'

export type { PlaywrightMockAuth, ScenarioInfo, SignInOptions } from './playwright-types.js'
export type { MockAuthOptions } from '../../handlers/engine-options.js'

export interface MockAuthTestOptions {
  /** Options of this test's in-process engine (users, token lifetimes, baseUrl, extra scenarios...). */
  mockAuthOptions: MockAuthOptions
  /** The scenario each test starts in; shorthand for `mockAuthOptions.scenario`. */
  mockAuthScenario: string | undefined
  /**
   * The wire protocol the app speaks (`'rest'` default, `'next-auth'`, `'authjs'`, `'better-auth'`);
   * shorthand for `mockAuthOptions.dialect`. With `mockAuthUrl` the server's `--dialect` decides.
   */
  mockAuthDialect: DialectName | undefined
  /**
   * A running `mock-auth serve` (e.g. `http://127.0.0.1:4000`). When set nothing is routed: the app
   * talks to that server, and each test is isolated in its own namespace.
   */
  mockAuthUrl: string | undefined
}

export interface MockAuthFixtures {
  mockAuth: PlaywrightMockAuth
}

/**
 * Playwright's `test` with a `mockAuth` fixture. It is automatic: every test's browser context
 * has the auth routes answered (or its namespace set) even if the test never names `mockAuth`.
 */
export const test = base.extend<MockAuthFixtures & MockAuthTestOptions>({
  mockAuthOptions: [{}, { option: true }],
  mockAuthScenario: [undefined, { option: true }],
  mockAuthDialect: [undefined, { option: true }],
  mockAuthUrl: [undefined, { option: true }],
  mockAuth: [
    async ({ context, baseURL, mockAuthOptions, mockAuthScenario, mockAuthDialect, mockAuthUrl }, use, testInfo) => {
      const appUrl = baseURL ?? undefined
      if (mockAuthUrl === undefined) {
        const options = { ...mockAuthOptions }
        if (mockAuthScenario !== undefined) options.scenario = mockAuthScenario
        if (mockAuthDialect !== undefined) options.dialect = mockAuthDialect
        await use(await routeMockAuth(context, options, appUrl))
        return
      }
      const namespace = `pw-${testInfo.testId}-${testInfo.retry}-${testInfo.repeatEachIndex}`
      const auth = await serverMockAuth(context, mockAuthUrl, namespace, appUrl)
      // A namespace may outlive a previous run of the same test on a long-lived server: start clean.
      await auth.reset()
      if (mockAuthScenario !== undefined) await auth.use(mockAuthScenario)
      await use(auth)
      await auth.reset()
    },
    { auto: true },
  ],
})

export { expect }
