import type { RequestHandler } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { MockAuth, MockAuthControls, MockAuthOptions } from '../../handlers/index.js'
import { createNodeMockAuth } from '../node/create-mock-auth.js'
import { describeScenarios as describeEach, type DescribeScenariosOptions } from './describe-scenarios.js'
import { installMatchers } from './vitest-matchers.js'

export { mockAuthMatchers, installMatchers, type MockAuthMatchers, type HandledOptions } from './vitest-matchers.js'
export type { DescribeScenariosOptions } from './describe-scenarios.js'
export type { JournalEntry, FailAnswer, PendingFailure } from '../core/index.js'

// Importing mock-auth/vitest gives Vitest's `expect` the journal matchers (typed by the module's declaration).
installMatchers()

export interface SetupMockAuthOptions extends MockAuthOptions {
  /** Your app's other msw handlers, served by the same server after the auth handlers. */
  handlers?: readonly RequestHandler[]
  /**
   * Passed to `server.listen()` as is. mock-auth sets no default: write `{ onUnhandledRequest:
   * 'error' }` on msw 2 or `{ onUnhandledFrame: 'error' }` on msw 3 (msw 3 ignores the old name).
   */
  listen?: Parameters<SetupServer['listen']>[0]
}

export interface VitestMockAuth extends MockAuth {
  readonly server: SetupServer
  /**
   * Wraps a test body so it runs in a namespace of its own (own users, sessions, scenario and
   * clock) with handlers scoped by `server.boundary`: for `test.concurrent`. The wrapped function
   * receives the namespace's controls first, then the test's own arguments.
   */
  isolated<Args extends unknown[], R>(fn: (auth: MockAuthControls, ...args: Args) => R): (...args: Args) => R
}

/**
 * One call for the whole lifecycle: `createMockAuth` from `mock-auth/node` (tokens signed with
 * node:crypto) + `setupServer`, `listen` before all tests,
 * state and handler overrides reset after each, `close` after all.
 */
export function setupMockAuth(options: SetupMockAuthOptions = {}): VitestMockAuth {
  const { handlers = [], listen, ...mockOptions } = options
  // The engine is built on first use: a file that never uses mock-auth does not load it.
  const { auth, built } = createNodeMockAuth(mockOptions)
  const server = setupServer(...auth.handlers, ...handlers)
  // Namespaces of isolated tests still running: a sibling's afterEach must not reset them.
  const running = new Set<string>()

  beforeAll(() => {
    server.listen(listen)
  })
  afterEach(() => {
    if (built()) for (const name of auth.engine.namespaces()) if (!running.has(name)) auth.engine.namespace(name).reset()
    // Under jsdom/happy-dom mock-auth keeps the page's session cookies: the next test starts signed out.
    auth.clearCookies()
    server.resetHandlers()
  })
  afterAll(() => {
    server.close()
  })

  const isolated: VitestMockAuth['isolated'] = (fn) =>
    server.boundary((...args) => {
      const namespace = `isolated-${crypto.randomUUID()}`
      const scoped = auth.scope(namespace)
      running.add(namespace)
      server.use(...scoped.handlers)
      // The namespace dies with its test: a long concurrent suite does not pile up state.
      const done = () => {
        running.delete(namespace)
        auth.engine.dropNamespace(namespace)
      }
      try {
        const result = fn(scoped, ...args)
        if (result instanceof Promise) result.then(done, done)
        else done()
        return result
      } catch (error) {
        done()
        throw error
      }
    })

  return Object.assign(auth, { server, isolated })
}

/**
 * `fn(scenario, mockAuth)` inside a `describe` per scenario, each test with that scenario in
 * effect in an isolated namespace: one test body, every scenario, each reported under its name.
 * Sets up its own `setupMockAuth(options)` unless `options.mockAuth` is given.
 */
export function describeScenarios(names: readonly string[], fn: (scenario: string, mockAuth: MockAuthControls) => void, options: DescribeScenariosOptions = {}): void {
  describeEach(names, fn, options, setupMockAuth)
}
