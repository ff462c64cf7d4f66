import { errorResult, type AuthRequest, type AuthResult, type Engine, type NamespaceState } from '../../core/kernel.js'
import type { BodyFields } from '../../core/parse-body.js'

/** What a control handler gets: the engine, the request, its namespace, and its JSON body (`{}` when none). */
export interface ControlContext {
  engine: Engine
  request: AuthRequest
  state: NamespaceState
  /** The `<id>` of a parameterised route such as `/users/<id>`, decoded. */
  param?: string
  /** The JSON body of a POST/PUT/DELETE, parsed once by the dispatcher (JSON only, see `control-api.ts`). */
  fields: BodyFields
}

export type ControlHandler = (ctx: ControlContext) => Promise<AuthResult> | AuthResult

export function badRequest(message: string): AuthResult {
  return errorResult('invalid_request', { message })
}
