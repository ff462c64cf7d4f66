import { bearerChallenge, errorResult, jsonResult, publicUser, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { authenticate } from '../authenticate.js'

/** `GET /api/auth/me`: a protected resource; 401 `unauthenticated` without a credential (RFC 6750 §3.1). */
export async function me(ctx: RouteContext): Promise<AuthResult> {
  const auth = await authenticate(ctx)
  if (auth.kind === 'none') return errorResult('unauthenticated', { headers: { 'www-authenticate': bearerChallenge() } })
  if (auth.kind === 'failed') return auth.result
  return jsonResult(200, { user: publicUser(auth.user) })
}
