import type { RouteContext } from '../context.js'
import { jsonResult, type AuthResult } from '../result.js'

/** `GET /api/auth/jwks`, `GET /.well-known/jwks.json`: RFC 7517 §5 public keys only. */
export async function jwks(ctx: RouteContext): Promise<AuthResult> {
  return jsonResult(200, ctx.keys.jwks)
}
