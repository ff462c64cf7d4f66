import { jsonResult, type AuthResult, type NamespaceState } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/** `GET /__mock-auth/clock`: the namespace's "now". */
export function clockBody(state: NamespaceState): AuthResult {
  return jsonResult(200, { now: new Date(state.clock.now()).toISOString() })
}

/**
 * `POST /__mock-auth/clock` `{"advance": "15m"}` or `{"set": "<ISO 8601 date>"}`. A bare number
 * in `advance` is seconds, as in every duration; in `set` it is refused: seconds or milliseconds
 * since the epoch would be a guess, and a wrong guess moves the clock by a factor of 1,000.
 */
export function postClock({ fields, state }: ControlContext): AuthResult {
  const { advance, set } = fields
  if ((advance === undefined) === (set === undefined)) {
    return badRequest('Send either {"advance": "15m"} or {"set": "2030-01-01T00:00:00Z"}.')
  }
  if (advance !== undefined) {
    if (typeof advance !== 'string' && typeof advance !== 'number') return badRequest('"advance" must be a duration such as "15m".')
    state.clock.advance(advance)
  } else {
    if (typeof set !== 'string') {
      return badRequest('"set" must be an ISO 8601 date string such as "2030-01-01T00:00:00Z" (a bare number is refused: use {"advance": <seconds>} to move by a duration).')
    }
    state.clock.set(set)
  }
  return clockBody(state)
}
