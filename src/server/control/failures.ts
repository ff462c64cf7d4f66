import { isMockAuthError, jsonResult, type AuthResult } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/**
 * `POST /__mock-auth/fail-next` `{"operation": "refresh", "error": "server_error", "times": 1}`
 * (`error` may be `"network-error"`; `message` and `retryAfter` are optional): the next calls fail.
 */
export async function postFailNext({ fields, state }: ControlContext): Promise<AuthResult> {
  const { operation, times, error, message, retryAfter, ...rest } = fields
  const unknown = Object.keys(rest)[0]
  if (unknown !== undefined) return badRequest(`Unknown field "${unknown}". Send {"operation": "refresh", "error": "server_error", "times": 1} (error may be "network-error"; message and retryAfter are optional).`)
  if (times !== undefined && typeof times !== 'number') return badRequest('"times" must be a whole number such as 1.')
  const answer = error === 'network-error' ? error : { error, ...(message === undefined ? {} : { message }), ...(retryAfter === undefined ? {} : { retryAfter }) }
  try {
    state.failNext(operation as string, answer, times === undefined ? {} : { times })
  } catch (failure) {
    if (isMockAuthError(failure)) return badRequest(failure.message)
    throw failure
  }
  return jsonResult(200, { namespace: state.name, failNext: state.failures.pending() })
}

/** `POST /__mock-auth/expire`: every live access token of the namespace expires now; the clock stays. */
export function postExpire({ state }: ControlContext): AuthResult {
  return jsonResult(200, { status: 'expired', namespace: state.name, sessions: state.expire() })
}
