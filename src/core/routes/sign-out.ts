import { presentedToken } from '../authenticate.js'
import type { RouteContext } from '../context.js'
import { REFRESH_COOKIE } from '../cookies.js'
import { parseBody, stringField } from '../parse-body.js'
import { jsonResult, type AuthResult } from '../result.js'
import { verifiedClaims } from '../tokens.js'

/**
 * `DELETE /api/auth`, `POST /api/auth/logout`, `DELETE /api/auth/session`: revokes the session
 * server-side (so its access and refresh tokens die at once, RFC 7009 §2.2 in spirit) and expires
 * both cookies. Idempotent: with no or a dead credential it still answers 200 and clears cookies.
 */
export async function signOut(ctx: RouteContext): Promise<AuthResult> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed.result
  const store = ctx.state.store
  let revoked = false

  const presented = presentedToken(ctx)
  if (presented && 'token' in presented) {
    // An expired access token still names its session: signing out must work after expiry.
    const verified = await verifiedClaims(ctx.keys, ctx.tokens, presented.token, ctx.cache)
    if (verified.ok) revoked = store.revokeSession(verified.claims.sid) || revoked
  }
  const fromBody = stringField(parsed.fields, 'refreshToken')
  const refreshToken = typeof fromBody === 'string' ? fromBody : ctx.cookies[REFRESH_COOKIE]
  const found = refreshToken ? store.findRefresh(refreshToken) : undefined
  if (found) revoked = store.revokeSession(found.session.id) || revoked

  const result = jsonResult(200, { message: 'Signed out', revoked })
  result.cookies = ctx.config.cookies.cleared()
  return result
}
