import { afterAll, beforeEach, describe } from 'vitest'
import type { MockAuthControls } from '../../handlers/index.js'
import { unknownScenarioError } from '../core/errors.js'
import type { SetupMockAuthOptions, VitestMockAuth } from './vitest.js'

export interface DescribeScenariosOptions extends SetupMockAuthOptions {
  /** An instance you already made with `setupMockAuth`; by default one is set up for these describes. */
  mockAuth?: VitestMockAuth
}

/**
 * The scenario matrix: `fn(scenario, mockAuth)` runs inside a `describe` named after each
 * scenario, and every test in it runs with that scenario in effect in a namespace of its own
 * (reset before each test, so tests stay independent). `mockAuth` is that namespace's controls.
 * Sequential describes share the msw server; for `describe.concurrent` use `isolated()` instead.
 */
export function describeScenarios(names: readonly string[], fn: (scenario: string, mockAuth: MockAuthControls) => void, options: DescribeScenariosOptions = {}, setup: (options: SetupMockAuthOptions) => VitestMockAuth): void {
  const { mockAuth: given, ...setupOptions } = options
  const auth = given ?? setup(setupOptions)
  for (const name of names) {
    // Checked while collecting, so a typo fails the file at once with the known names.
    if (!auth.engine.config.scenarios.has(name)) throw unknownScenarioError(name, auth.engine.config.scenarios.keys())
    describe(name, () => {
      const namespace = `scenario-${name}-${crypto.randomUUID()}`
      const scoped = auth.scope(namespace)
      beforeEach(() => {
        scoped.reset()
        scoped.use(name)
        auth.server.use(...scoped.handlers)
      })
      afterAll(() => {
        auth.engine.dropNamespace(namespace)
      })
      fn(name, scoped)
    })
  }
}
