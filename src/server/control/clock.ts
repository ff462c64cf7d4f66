import { jsonResult, type AuthResult, type NamespaceState } from '../../core/index.js'
import { badRequest, jsonFields, type ControlContext } from './context.js'

/** `GET /__mock-auth/clock`: the namespace's "now". */
export function clockBody(state: NamespaceState): AuthResult {
  return jsonResult(200, { now: new Date(state.clock.now()).toISOString() })
}

/** `POST /__mock-auth/clock` `{"advance": "15m"}` or `{"set": "<ISO 8601 date>"}`. */
export async function postClock({ request, state }: ControlContext): Promise<AuthResult> {
  const fields = await jsonFields(request)
  if (!fields.ok) return fields.result
  const { advance, set } = fields.value
  if ((advance === undefined) === (set === undefined)) {
    return badRequest('Send either {"advance": "15m"} or {"set": "2030-01-01T00:00:00Z"}.')
  }
  if (advance !== undefined) {
    if (typeof advance !== 'string' && typeof advance !== 'number') return badRequest('"advance" must be a duration such as "15m".')
    state.clock.advance(advance)
  } else {
    if (typeof set !== 'string' && typeof set !== 'number') return badRequest('"set" must be an ISO 8601 date such as "2030-01-01T00:00:00Z".')
    state.clock.set(set)
  }
  return clockBody(state)
}
