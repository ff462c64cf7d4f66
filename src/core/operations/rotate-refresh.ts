import type { RouteContext } from '../context.js'
import { lifetimes, newRefreshToken } from '../issue.js'
import type { Session } from '../store.js'
import type { StoredUser } from '../users.js'

export type RefreshOutcome =
  | { ok: true; user: StoredUser; session: Session; refreshToken: string; accessMs: number }
  | { ok: false; error: 'invalid_refresh_token' | 'refresh_token_reused' | 'refresh_token_expired'; description: string }

/**
 * The `refresh` operation: every use rotates the token; presenting a rotated one is reuse, which
 * revokes the whole family and its session's access tokens (RFC 9700 §4.14.2). From lookup to
 * rotation nothing awaits, so two racing requests cannot both rotate one token.
 */
export function rotateRefresh(ctx: RouteContext, token: string): RefreshOutcome {
  const store = ctx.state.store
  const found = store.findRefresh(token)
  if (!found) return { ok: false, error: 'invalid_refresh_token', description: 'The refresh token is unknown or revoked.' }
  const { session } = found
  if (found.rotated) {
    store.revokeSession(session.id)
    return { ok: false, error: 'refresh_token_reused', description: 'The refresh token was already used; the session is revoked.' }
  }
  if (session.expiresAt <= ctx.now) return { ok: false, error: 'refresh_token_expired', description: 'The refresh token has expired.' }
  const user = store.users.get(session.userId)
  if (!user) return { ok: false, error: 'invalid_refresh_token', description: 'The user no longer exists.' }
  const { accessMs, refreshMs } = lifetimes(ctx, 'refresh')
  const next = newRefreshToken(ctx, session.id)
  store.rotate(session, next, ctx.now + refreshMs)
  ctx.userId = user.id
  return { ok: true, user, session, refreshToken: next, accessMs }
}
