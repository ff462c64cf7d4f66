/**
 * @module mock-auth/node: the package root for msw's `setupServer` in Node (Vitest, Jest,
 * node:test...). Everything the root exports, with `createMockAuth` signing through node:crypto.
 * Not for the browser: use the root or `mock-auth/browser` there.
 */
export { createMockAuth } from './create-mock-auth.js'
export { nodeSigner } from '../server/node-signer.js'
export {
  createHandlers,
  DEFAULT_BASE_URL,
  type MockAuth,
  type MockAuthOptions,
  type MockAuthControls,
  type MockAuthClock,
  type SignedIn,
  type HandlerOptions,
} from '../../handlers/index.js'
export { builtinScenarios, builtinScenarioNames, defineScenario, type Scenario } from '../../scenarios/index.js'
export { MockAuthError, isMockAuthError, type MockAuthErrorCode, type UserInput, type StateSummary, type Duration, type SignFn, type ExportedKeySet } from '../core/index.js'
