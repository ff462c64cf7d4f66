import { test as base, expect as baseExpect, type ExpectMatcherState } from '@playwright/test'
import { MockAuthError } from '../core/kernel.js'
import { checks, runCheck, type HandledOptions } from './journal-matchers.js'
import type { MockAuthOptions } from '../../handlers/engine-options.js'
import type { DialectName } from '../dialects/index.js'
import type { Contract, ContractInput } from '../dialects/contract/index.js'
import { routeMockAuth } from './playwright-route.js'
import { serverMockAuth } from './playwright-server.js'
import type { PlaywrightMockAuth } from './playwright-types.js'

export type { PlaywrightMockAuth, ScenarioInfo, SignInOptions } from './playwright-types.js'
export type { MockAuthOptions } from '../../handlers/engine-options.js'
export type { HandledOptions } from './journal-matchers.js'
export type { JournalEntry, FailAnswer, PendingFailure } from '../core/kernel.js'

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
   * Your backend's contract (docs/contracts.md: its data, functions allowed, or a compiled
   * `Contract`); shorthand for `mockAuthOptions.contract`. With `mockAuthUrl` the server's
   * `--contract` decides.
   */
  mockAuthContract: ContractInput | Contract | undefined
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
  mockAuthContract: [undefined, { option: true }],
  mockAuthUrl: [undefined, { option: true }],
  mockAuth: [
    async ({ context, baseURL, mockAuthOptions, mockAuthScenario, mockAuthDialect, mockAuthContract, mockAuthUrl }, use, testInfo) => {
      const appUrl = baseURL ?? undefined
      if (mockAuthUrl === undefined) {
        const options = { ...mockAuthOptions }
        if (mockAuthScenario !== undefined) options.scenario = mockAuthScenario
        if (mockAuthDialect !== undefined) options.dialect = mockAuthDialect
        if (mockAuthContract !== undefined) options.contract = mockAuthContract
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

/**
 * Playwright's `expect` with the journal matchers. They read the journal asynchronously (in
 * server mode it lives in the running `mock-auth serve`), so await them:
 * `await expect(mockAuth).toHaveRefreshed(1)`.
 */
export const expect = baseExpect.extend({
  async toHaveHandled(this: ExpectMatcherState, received: PlaywrightMockAuth, operation: string, options?: HandledOptions) {
    return named('toHaveHandled', await runCheck(received, checks.toHaveHandled(operation, options), this.isNot))
  },
  async toHaveSignedIn(this: ExpectMatcherState, received: PlaywrightMockAuth, username?: string) {
    return named('toHaveSignedIn', await runCheck(received, checks.toHaveSignedIn(username), this.isNot))
  },
  async toHaveRefreshed(this: ExpectMatcherState, received: PlaywrightMockAuth, times?: number) {
    return named('toHaveRefreshed', await runCheck(received, checks.toHaveRefreshed(times), this.isNot))
  },
  async toHaveSignedOut(this: ExpectMatcherState, received: PlaywrightMockAuth) {
    return named('toHaveSignedOut', await runCheck(received, checks.toHaveSignedOut(), this.isNot))
  },
})

function named(name: string, result: { pass: boolean; message: () => string }) {
  return { ...result, name }
}

/**
 * The scenario matrix: `fn(scenario)` inside a `test.describe` per scenario with
 * `mockAuthScenario` set, so each test of it starts in that scenario in its own state (its own
 * engine, or its own namespace on a shared server). Pass your extended `test` to use its fixtures.
 */
export function describeScenarios(names: readonly string[], fn: (scenario: string) => void, using: typeof test = test): void {
  for (const name of names) {
    if (name === '' || typeof name !== 'string') throw new MockAuthError('ERR_UNKNOWN_SCENARIO', `describeScenarios: ${JSON.stringify(name)} is not a scenario name.`)
    using.describe(name, () => {
      using.use({ mockAuthScenario: name })
      fn(name)
    })
  }
}
