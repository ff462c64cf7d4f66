import { extendSession, liveSession, parseDuration, type OpenedSession, type RouteContext, type Session, type StoredUser } from '../../core/index.js'
import type { NextAuthKit } from './context.js'
import { setCookie, type CookieNames } from './cookies.js'
import type { SessionJwe } from './jwe.js'
import type { NextAuthRequest } from './request-state.js'

/**
 * How long a next-auth session lives: the engine's refresh lifetime (the session cookie is the only
 * credential, so it lives as long as a session), or the access lifetime a scenario sets (`expired`
 * issues it already expired, `short-lived` for 10 s). At sign-in the scenario's sign-in lifetimes
 * count, on a session read (the rolling re-issue) only the scenario-wide ones.
 */
export function sessionMaxAgeMs(ctx: RouteContext, kind: 'sign-in' | 'session'): number {
  const scenario = ctx.scenario
  const override = (kind === 'sign-in' ? scenario.signInTokens?.accessTokenTtl : undefined) ?? scenario.tokens?.accessTokenTtl
  return override === undefined ? ctx.config.refreshTtlMs : parseDuration(override, 'accessTokenTtl')
}

/** The session cookie for a user's session, and the store session kept alive as long. */
export async function issueSessionCookie(ctx: RouteContext, jwe: SessionJwe, names: CookieNames, user: StoredUser, session: Session, maxAgeMs: number): Promise<{ cookie: string; expires: Date }> {
  const claims: Parameters<SessionJwe['encode']>[0] = { sub: user.id, sid: session.id }
  if (user.name !== undefined) claims.name = user.name
  if (user.email !== undefined) claims.email = user.email
  const picture = userImage(user)
  if (picture !== undefined) claims.picture = picture
  const token = await jwe.encode(claims, names.sessionToken, ctx.now, maxAgeMs)
  // The cookie outlives an already-expired token (as REST's does), so the server sees it and says "signed out".
  const expires = new Date(ctx.now + Math.max(maxAgeMs, ctx.config.refreshTtlMs))
  extendSession(session, ctx.now + maxAgeMs)
  return { cookie: setCookie(names, names.sessionToken, token, expires), expires: new Date(ctx.now + maxAgeMs) }
}

/**
 * `Protocol.mintCookies`: the session cookie for a session the control API opened, named for the
 * app's URL (`__Secure-` on https), living what was asked or what a sign-in would give.
 */
export async function mintSessionCookie(ctx: RouteContext, kit: Pick<NextAuthKit, 'jwe' | 'names' | 'origins'>, opened: OpenedSession, lifetime: { accessMs?: number }): Promise<string[]> {
  const names = kit.origins.of(ctx.request, ctx.config.publicOrigin).startsWith('https:') ? kit.names.https : kit.names.http
  const { cookie } = await issueSessionCookie(ctx, kit.jwe, names, opened.user, opened.session, lifetime.accessMs ?? sessionMaxAgeMs(ctx, 'sign-in'))
  return [cookie]
}

/** The user and session the request's session cookie names, if it opens, is in date and is still live in the store. */
export async function currentUser(ctx: RouteContext, jwe: SessionJwe, req: NextAuthRequest): Promise<{ user: StoredUser; session: Session } | 'none' | 'invalid'> {
  const token = ctx.cookies[req.names.sessionToken]
  if (!token) return 'none'
  const claims = await jwe.decode(token, req.names.sessionToken, ctx.now)
  if (!claims) return 'invalid'
  const found = liveSession(ctx, claims.sid, claims.sub)
  if (!found.ok || found.session.expiresAt <= ctx.now) return 'invalid'
  return { user: found.user, session: found.session }
}

/** `image` in next-auth's session: a user's `image` (or `picture`) claim, when a string. */
export function userImage(user: StoredUser): string | undefined {
  const image = user.claims?.image ?? user.claims?.picture
  return typeof image === 'string' ? image : undefined
}
