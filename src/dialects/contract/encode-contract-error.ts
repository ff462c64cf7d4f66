import { AUTH_ERRORS } from '../../core/error-codes.js'
import type { ProtocolError } from '../../core/dialect.js'
import { jsonResult, type AuthResult } from '../../core/result.js'
import type { CompiledErrors, Contract, ContractOperation } from './contract-types.js'

/**
 * A core error code in the contract's wire form: its status (the contract's override, else the
 * code's own), its body rendered from the error template with `{{error}}` (the contract's name for
 * the code), `{{message}}`, `{{status}}`, `{{operation}}` and `{{retryAfter}}`. Headers the engine
 * or an operation set (`Allow`, `WWW-Authenticate`) are kept; a scenario's retry adds `Retry-After`.
 */
export function encodeContractError(contract: Contract, operation: string | undefined, error: ProtocolError): AuthResult {
  const errors = errorsFor(contract, operation)
  const code = error.code
  const status = errors.status[code] ?? AUTH_ERRORS[code].status
  const message = errors.messages[code] ?? error.message ?? AUTH_ERRORS[code].message
  const vars = { error: errors.codes[code] ?? code, message, status, operation, retryAfter: error.retryAfterSeconds }
  const headers = { ...error.headers }
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
  const result = jsonResult(status, errors.body(vars) ?? null, headers)
  // The core code, whatever the contract names it, for the journal (`error`).
  result.error = code
  return result
}

function errorsFor(contract: Contract, operation: string | undefined): CompiledErrors {
  const op = operation === undefined ? undefined : contract.operations[operation as ContractOperation]
  return op?.errors ?? contract.errors
}
