import { jsonResult, publicUser, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { authenticate } from '../authenticate.js'

/** `GET /api/auth`, `GET /api/auth/session`: 200 signed in or not; 401 for a bad credential. */
export async function session(ctx: RouteContext): Promise<AuthResult> {
  const auth = await authenticate(ctx)
  if (auth.kind === 'none') return jsonResult(200, { authenticated: false, user: null })
  if (auth.kind === 'failed') return auth.result
  return jsonResult(200, {
    authenticated: true,
    user: publicUser(auth.user),
    expiresAt: new Date(auth.claims.exp * 1000).toISOString(),
  })
}
