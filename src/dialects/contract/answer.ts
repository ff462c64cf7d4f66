import type { ProtocolError } from '../../core/dialect.js'
import { emptyResult, jsonResult, type AuthResult } from '../../core/result.js'

/** Answers an error in the contract's wire form (bound to the request's operation by the dialect). */
export type Fail = (error: ProtocolError) => AuthResult

/** A success answer: the rendered body as JSON (none for 204 No Content, RFC 9110 §15.3.5), then the cookies. */
export function answer(status: number, body: unknown, cookies: readonly string[] = []): AuthResult {
  const result = status === 204 || body === undefined ? emptyResult(status) : jsonResult(status, body)
  result.cookies = [...cookies]
  return result
}
