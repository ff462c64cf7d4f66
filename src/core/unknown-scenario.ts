import { errorResult, type AuthResult } from './result.js'
import type { Scenario } from './scenario.js'

/** 400 `unknown_scenario`, naming the known scenarios (in the message and as `scenarios`) so the caller can fix the name. */
export function unknownScenarioResult(name: string, scenarios: ReadonlyMap<string, Scenario>): AuthResult {
  const known = [...scenarios.keys()]
  return errorResult('unknown_scenario', {
    message: `Unknown scenario "${name}". Known scenarios: ${known.join(', ')}.`,
    extra: { scenarios: known },
  })
}
