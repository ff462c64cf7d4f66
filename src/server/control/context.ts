import { errorResult, type AuthRequest, type AuthResult, type Engine, type NamespaceState } from '../../core/index.js'
import { parseBody, type BodyFields } from '../../core/parse-body.js'

/** What a control handler gets: the engine, the request and the namespace it runs in. */
export interface ControlContext {
  engine: Engine
  request: AuthRequest
  state: NamespaceState
  /** The `<id>` of a parameterised route such as `/users/<id>`, decoded. */
  param?: string
}

export type ControlHandler = (ctx: ControlContext) => Promise<AuthResult> | AuthResult

/** The JSON body through the core's parser (100 KB limit, 415, depth and `__proto__` safety). */
export async function jsonFields(request: AuthRequest): Promise<{ ok: true; value: BodyFields } | { ok: false; result: AuthResult }> {
  const parsed = await parseBody(request)
  return parsed.ok ? { ok: true, value: parsed.fields } : parsed
}

export function badRequest(message: string): AuthResult {
  return errorResult('invalid_request', { message })
}
