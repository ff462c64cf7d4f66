import type { RouteContext } from '../context.js'
import { verifiedClaims } from '../tokens.js'

/**
 * The `signOut` operation: revokes the sessions named by an access JWT (even an expired one: signing
 * out must work after expiry) and by a refresh token, so their tokens die at once (RFC 7009 §2.2 in
 * spirit). Idempotent: nothing named, or already dead, is not an error.
 */
export async function endSessions(ctx: RouteContext, presented: { accessToken?: string | undefined; refreshToken?: string | undefined; sessionId?: string | undefined }): Promise<{ revoked: boolean }> {
  const store = ctx.state.store
  let revoked = false
  if (presented.accessToken) {
    const verified = await verifiedClaims(ctx.keys, ctx.tokens, presented.accessToken, ctx.cache)
    if (verified.ok) {
      revoked = store.revokeSession(verified.claims.sid) || revoked
      if (store.users.has(verified.claims.sub)) ctx.userId = verified.claims.sub
    }
  }
  if (presented.sessionId) {
    const session = store.sessions.get(presented.sessionId)
    if (session) ctx.userId ??= session.userId
    revoked = store.revokeSession(presented.sessionId) || revoked
  }
  const found = presented.refreshToken ? store.findRefresh(presented.refreshToken) : undefined
  if (found) {
    ctx.userId ??= found.session.userId
    revoked = store.revokeSession(found.session.id) || revoked
  }
  return { revoked }
}
