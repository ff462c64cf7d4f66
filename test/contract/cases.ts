import { AUTH_ERROR_CODES, defineScenario } from '../../src/core/index.js'
import { errorCases } from './cases-errors.js'
import { mailCases } from './cases-mail.js'
import { mfaCases } from './cases-mfa.js'
import { journalCases, refreshFailsFromThird, secondRefreshFails } from './cases-journal.js'
import { providerCases } from './cases-providers.js'
import { routeCases } from './cases-routes.js'
import { scenarioCases } from './cases-scenarios.js'
import type { ContractCase } from './expect-error.js'

export { coveredCodes, type ContractCase } from './expect-error.js'

/** A scenario with a short delay, so the slow path is checked without waiting a second per case. */
export const quickSlow = defineScenario({ name: 'quick-slow', description: 'Delays every answer by 60 ms.', delay: '60ms' })
/** Extra scenarios every contract transport is created with. */
export const CONTRACT_SCENARIOS = [quickSlow, secondRefreshFails, refreshFailsFromThird]

/** The same cases run over every transport in `transports.ts`. */
export const cases: ContractCase[] = [...routeCases, ...errorCases, ...scenarioCases, ...mfaCases, ...mailCases, ...journalCases, ...providerCases]

/**
 * The codes only the server's exposure guards answer (a foreign Origin on the control API, a
 * rebound Host): no in-process transport has a Host or a control API. test/server/exposure.test.ts
 * covers them.
 */
export const SERVER_ONLY_CODES: readonly string[] = ['forbidden_origin', 'forbidden_host']

/** Every error code of the HTTP contract; the suite fails if a case list stops producing one. */
export const ALL_CODES: readonly string[] = AUTH_ERROR_CODES.filter((code) => !SERVER_ONLY_CODES.includes(code))
