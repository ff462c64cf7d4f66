/**
 * mock-auth: a mock `/api/auth` backend for frontend tests. The root entry is the msw side:
 * `createMockAuth(options).handlers` for `setupServer` / `setupWorker`. In Node, `mock-auth/node`
 * is the same with tokens signed by node:crypto (faster). The engine itself is `mock-auth/core`,
 * the server `mock-auth/server`, the test helpers `mock-auth/vitest` and `mock-auth/playwright`.
 */
export {
  createMockAuth,
  createHandlers,
  DEFAULT_BASE_URL,
  type MockAuth,
  type MockAuthOptions,
  type MockAuthControls,
  type MockAuthClock,
  type SignedIn,
  type HandlerOptions,
} from '../handlers/index.js'
export { builtinScenarios, builtinScenarioNames, defineScenario, MFA_FIXED_CODE, type Scenario } from '../scenarios/index.js'
export { resolveDialect, restDialect, DIALECT_NAMES, compileContract, contractDialect, type DialectName, type DialectSettings, type Contract, type ContractInput } from './dialects/index.js'
export { totpCode } from './core/mfa/totp.js'
export { MockAuthError, isMockAuthError, type MockAuthErrorCode, type UserInput, type StateSummary, type Duration, type SignFn, type ExportedKeySet, type Dialect, type Protocol, type MountedProtocol, type OperationName, type Mail, type MailKind } from './core/kernel.js'
