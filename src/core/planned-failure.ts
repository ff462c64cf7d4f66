import type { FailAnswer } from './fail-next.js'
import { appliesToCall, scenarioResponse, type OperationName, type Scenario, type ScenarioResponse } from './scenario.js'
import type { NamespaceState } from './state.js'

/** A failure decided before the operation runs: a dropped connection, or a canned error answer. */
export type PlannedFailure = { network: true } | { network: false; answer: Exclude<FailAnswer, 'network-error'> | ScenarioResponse }

/**
 * Whether this call of `operation` fails before it runs, and how. In order: a failure queued with
 * `failNext` (the test's explicit word for this very call), the scenario's dropped connection,
 * then the scenario's `respond` answer, which with `on` applies only to the chosen calls. `on`
 * counts every call of the operation under the scenario, failed ones included, so `on: [2]` is
 * "the second refresh the app makes" whatever happened to the first. `source` says who put the
 * scenario in effect (see `NamespaceState.callNumber`).
 */
export function plannedFailure(state: NamespaceState, scenario: Scenario, source: string, operation: OperationName | undefined, underBase: boolean): PlannedFailure | undefined {
  // Protocol plumbing (a CSRF token, a page) has no operation: only a dropped connection reaches it.
  if (operation === undefined) return underBase && scenario.networkError ? { network: true } : undefined
  let canned = underBase ? scenarioResponse(scenario, operation) : undefined
  if (canned?.on !== undefined && !appliesToCall(canned, state.callNumber(source, scenario.name, operation))) canned = undefined
  const queued = state.failures.size > 0 ? state.failures.take(operation) : undefined
  if (queued === 'network-error') return { network: true }
  if (queued !== undefined) return { network: false, answer: queued }
  if (underBase && scenario.networkError) return { network: true }
  return canned === undefined ? undefined : { network: false, answer: canned }
}
