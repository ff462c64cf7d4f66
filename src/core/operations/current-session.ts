import type { RouteContext } from '../context.js'
import { expiredEarly } from '../expire.js'
import type { Session } from '../store.js'
import { verifyAccessToken, type AccessClaims } from '../tokens.js'
import type { StoredUser } from '../users.js'

export type Authentication =
  | { kind: 'none' }
  | { kind: 'ok'; user: StoredUser; session: Session; claims: AccessClaims }
  | { kind: 'failed'; error: 'invalid_token' | 'token_expired'; description: string }

/**
 * The `session` operation for an access JWT: checks it against the signature, the clock and the
 * store, so a token whose session was signed out or revoked fails even though its signature and
 * `exp` are fine.
 */
export async function authenticateAccessToken(ctx: RouteContext, token: string): Promise<Authentication> {
  const outcome = await verifyAccessToken(ctx.keys, ctx.tokens, token, ctx.now, ctx.cache)
  if (!outcome.ok) return { kind: 'failed', error: outcome.code, description: outcome.description }
  const found = liveSession(ctx, outcome.claims.sid, outcome.claims.sub)
  if (!found.ok) return { kind: 'failed', error: 'invalid_token', description: found.description }
  if (expiredEarly(found.session, outcome.claims)) return { kind: 'failed', error: 'token_expired', description: 'The access token has expired.' }
  return { kind: 'ok', user: found.user, session: found.session, claims: outcome.claims }
}

/**
 * A session of the store and its user, for dialects whose credential names the session by id
 * (a next-auth JWE, a better-auth session token) rather than by a signed JWT.
 */
export function liveSession(ctx: RouteContext, sessionId: string, userId?: string): { ok: true; user: StoredUser; session: Session } | { ok: false; description: string } {
  const session = ctx.state.store.sessions.get(sessionId)
  if (!session) return { ok: false, description: 'The session has been signed out or revoked.' }
  const user = ctx.state.store.users.get(userId ?? session.userId)
  if (!user || session.userId !== user.id) return { ok: false, description: 'The user no longer exists.' }
  ctx.userId = user.id
  return { ok: true, user, session }
}

/**
 * Keeps a session alive until `untilMs` (a rolling session cookie, as next-auth re-issues on every
 * session read); never shortens it.
 */
export function extendSession(session: Session, untilMs: number): void {
  if (untilMs > session.expiresAt) session.expiresAt = untilMs
}
