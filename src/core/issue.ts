import { base64url } from './base64url.js'
import type { RouteContext } from './context.js'
import { parseDuration } from './duration.js'
import { jsonResult, type AuthResult } from './result.js'
import type { TokenLifetimes } from './scenario.js'
import type { Session } from './store.js'
import { exemptIfExpired } from './expire.js'
import { signAccessToken } from './tokens.js'
import { publicUser, userClaims, type StoredUser } from './users.js'

/** The token pair answer shared by sign-in, sign-up, refresh and minting. */
export interface TokenBody {
  message: string
  user: ReturnType<typeof publicUser>
  accessToken: string
  refreshToken: string
  tokenType: 'Bearer'
  /** Seconds until the access token expires (negative when a scenario issues it expired). */
  expiresIn: number
  expiresAt: string
  refreshTokenExpiresAt: string
}

export type IssueKind = 'sign-in' | 'refresh'

/** Lifetimes for this issuance: sign-in overrides, then scenario-wide, then the configured defaults. */
export function lifetimes(ctx: RouteContext, kind: IssueKind, override?: TokenLifetimes): { accessMs: number; refreshMs: number } {
  const scenario = ctx.scenario
  const pick = (key: keyof TokenLifetimes, fallback: number) => {
    const value = override?.[key] ?? (kind === 'sign-in' ? scenario.signInTokens?.[key] : undefined) ?? scenario.tokens?.[key]
    return value === undefined ? fallback : parseDuration(value, key)
  }
  return { accessMs: pick('accessTokenTtl', ctx.config.accessTtlMs), refreshMs: pick('refreshTokenTtl', ctx.config.refreshTtlMs) }
}

/**
 * A session id: 128 random bits, base64url. Not `crypto.randomUUID()`: Node builds that string
 * from about twenty concatenated pieces, a rope that stays that way as a Map key, and session ids
 * live as long as their sessions (measured: ~150 bytes more per session at 100k sessions).
 */
export function newSessionId(ctx: RouteContext): string {
  return base64url(ctx.random.bytes(16))
}

/**
 * A refresh token: `<session id>.<256 random bits>`, base64url (RFC 4648 §5). Opaque to clients;
 * the session id only selects the family (`Store.findRefresh`), the whole token must match.
 */
export function newRefreshToken(ctx: RouteContext, sessionId: string): string {
  return `${sessionId}.${base64url(ctx.random.bytes(32))}`
}

/** A session just opened (a new refresh-token family): what a dialect encodes as its own tokens or cookie. */
export interface OpenedSession {
  user: StoredUser
  session: Session
  refreshToken: string
  /** Lifetime of the access credential for this issuance (negative when a scenario issues it expired). */
  accessMs: number
}

/** Opens a new session for `user` in the store (sign-in, sign-up, minting); no token is signed yet. */
export function openSession(ctx: RouteContext, user: StoredUser, override?: TokenLifetimes): OpenedSession {
  const { accessMs, refreshMs } = lifetimes(ctx, 'sign-in', override)
  const id = newSessionId(ctx)
  const refreshToken = newRefreshToken(ctx, id)
  const session: Session = { id, userId: user.id, createdAt: ctx.now, expiresAt: ctx.now + refreshMs, refreshToken }
  ctx.state.store.createSession(session)
  ctx.userId = user.id
  return { user, session, refreshToken, accessMs }
}

/** Starts a new session for `user` and answers with its tokens in mock-auth's own shape (REST and the control API). */
export async function startSession(ctx: RouteContext, user: StoredUser, status: number, message: string, override?: TokenLifetimes): Promise<AuthResult> {
  const opened = openSession(ctx, user, override)
  return tokenAnswer(ctx, user, opened.session, opened.refreshToken, opened.accessMs, status, message)
}

/** Signs the access JWT for a session (one issued after an `expire()` stays valid, see expire.ts). */
export async function issueAccessToken(ctx: RouteContext, user: StoredUser, session: Session, accessMs: number): Promise<{ token: string; exp: number; jti: string }> {
  const access = await signAccessToken(ctx.keys, ctx.tokens, {
    subject: user.id,
    sessionId: session.id,
    claims: userClaims(user),
    nowMs: ctx.now,
    ttlMs: accessMs,
  }, ctx.cache)
  ctx.userId = user.id
  exemptIfExpired(session, access, Math.floor(ctx.now / 1000))
  return access
}

export async function tokenAnswer(ctx: RouteContext, user: StoredUser, session: Session, refreshToken: string, accessMs: number, status: number, message: string): Promise<AuthResult> {
  const access = await issueAccessToken(ctx, user, session, accessMs)
  const body: TokenBody = {
    message,
    user: publicUser(user),
    accessToken: access.token,
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: access.exp - Math.floor(ctx.now / 1000),
    expiresAt: new Date(access.exp * 1000).toISOString(),
    refreshTokenExpiresAt: new Date(session.expiresAt).toISOString(),
  }
  const result = jsonResult(status, body)
  result.cookies = ctx.config.cookies.issue(access.token, refreshToken)
  return result
}
