import { errorResult, type AuthResult, type ProtocolError } from '../../core/kernel.js'

/**
 * mock-auth's own error shape: `{ error, message }` with the code's status (`error-codes.ts`),
 * `Retry-After` plus `retryAfter` in the body when a scenario sets one.
 */
export function encodeRestError(error: ProtocolError): AuthResult {
  const retry = error.retryAfterSeconds
  const headers = retry === undefined ? error.headers : { ...error.headers, 'retry-after': String(retry) }
  const extra = retry === undefined ? error.extra : { ...error.extra, retryAfter: retry }
  return errorResult(error.code, {
    ...(error.message === undefined ? {} : { message: error.message }),
    ...(headers === undefined ? {} : { headers }),
    ...(extra === undefined ? {} : { extra }),
  })
}
