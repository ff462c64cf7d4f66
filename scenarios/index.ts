import type { Scenario } from '../src/core/scenario.js'
import { badCredentials } from './bad-credentials.js'
import { defaultScenario } from './default.js'
import { expired } from './expired.js'
import { locked } from './locked.js'
import { mfa } from './mfa.js'
import { networkError } from './network-error.js'
import { providerDenied } from './provider-denied.js'
import { providerError } from './provider-error.js'
import { providerUnverifiedEmail } from './provider-unverified-email.js'
import { rateLimited } from './rate-limited.js'
import { refreshExpired } from './refresh-expired.js'
import { serverError } from './server-error.js'
import { shortLived } from './short-lived.js'
import { slow } from './slow.js'
import { unavailable } from './unavailable.js'
import { unverifiedEmail } from './unverified-email.js'

export { MFA_FIXED_CODE } from './mfa.js'
export { defineScenario, validateScenario, type Scenario } from '../src/core/scenario.js'

/** The built-in scenarios, in the order `mock-auth scenarios` lists them. */
export const builtinScenarios: readonly Scenario[] = [
  defaultScenario,
  badCredentials,
  expired,
  refreshExpired,
  shortLived,
  locked,
  rateLimited,
  serverError,
  unavailable,
  slow,
  networkError,
  mfa,
  unverifiedEmail,
  providerDenied,
  providerError,
  providerUnverifiedEmail,
]

export const builtinScenarioNames: readonly string[] = builtinScenarios.map((s) => s.name)
