import { liveSession, type RouteContext, type Session, type StoredUser, type TokenLifetimes } from '../../core/index.js'
import { CookieSigner, presentedSessionCookie } from './session-cookie.js'

/**
 * A better-auth session is one credential, the session token, where mock-auth's own contract has
 * two (an access JWT and a refresh token). The token is the session's refresh token, `<session
 * id>.<256 random bits>`: opaque to clients, found in the store without a second map, and dead
 * the moment the session is revoked. Its lifetime is the session's.
 */
export interface BetterAuthSession {
  token: string
  session: Session
  user: StoredUser
}

/**
 * The lifetime a scenario gives a better-auth session: the scenario's access-token lifetime when it
 * sets one (so `expired` issues a session that reads as signed out and `short-lived` one of ten
 * seconds), else the refresh lifetime (seven days by default, better-auth's own `expiresIn`).
 */
export function sessionLifetime(ctx: RouteContext): TokenLifetimes | undefined {
  const access = ctx.scenario.signInTokens?.accessTokenTtl ?? ctx.scenario.tokens?.accessTokenTtl
  return access === undefined ? undefined : { refreshTokenTtl: access }
}

/** The live session a token names, or undefined (unknown, revoked, rotated or expired on the engine clock). */
export function sessionByToken(ctx: RouteContext, token: string): BetterAuthSession | undefined {
  const found = ctx.state.store.findRefresh(token)
  if (!found || found.rotated || found.session.expiresAt <= ctx.now) return undefined
  const live = liveSession(ctx, found.session.id)
  return live.ok ? { token, session: live.session, user: live.user } : undefined
}

/**
 * The request's session: the signed `better-auth.session_token` cookie, or `Authorization: Bearer
 * <token>` as better-auth's bearer plugin takes it. A cookie whose signature fails is no session.
 */
export async function currentSession(ctx: RouteContext, signer: CookieSigner): Promise<BetterAuthSession | undefined> {
  const cookie = presentedSessionCookie(ctx)
  if (cookie !== undefined) {
    const token = await signer.verify(cookie)
    return token === undefined ? undefined : sessionByToken(ctx, token)
  }
  const bearer = /^Bearer +(\S+)\s*$/i.exec(ctx.request.headers.get('authorization') ?? '')?.[1]
  return bearer === undefined ? undefined : sessionByToken(ctx, bearer)
}

/** Every live session of a user in this namespace, oldest first (list-sessions, revoke-other-sessions). */
export function sessionsOf(ctx: RouteContext, userId: string): Session[] {
  const found: Session[] = []
  for (const session of ctx.state.store.sessions.values()) {
    if (session.userId === userId && session.expiresAt > ctx.now) found.push(session)
  }
  return found
}
