import { jsonResult, unknownScenarioResult, type AuthResult, type NamespaceState } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/** `GET /__mock-auth/scenario`. */
export function scenarioBody(state: NamespaceState): AuthResult {
  return jsonResult(200, { name: state.scenario.name, description: state.scenario.description })
}

/** `PUT /__mock-auth/scenario` `{"name": "expired"}`. */
export function putScenario({ engine, fields, state }: ControlContext): AuthResult {
  const name = fields.name
  if (typeof name !== 'string' || name === '') return badRequest('Send {"name": "<scenario>"}, e.g. {"name": "expired"}.')
  if (!engine.config.scenarios.has(name)) return unknownScenarioResult(name, engine.config.scenarios)
  state.use(name)
  return scenarioBody(state)
}
