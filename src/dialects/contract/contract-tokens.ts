import type { RouteContext } from '../../core/context.js'
import { liveSession } from '../../core/operations/current-session.js'
import type { Session } from '../../core/store.js'
import { signAccessToken, verifyAccessToken, type AccessClaims } from '../../core/tokens.js'
import { publicUser, userClaims, type StoredUser } from '../../core/users.js'
import type { Contract } from './contract-types.js'

const RESERVED = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'sid'])

/** The placeholders of a token answer, and the Set-Cookie lines the contract writes with it. */
export interface Issued {
  vars: Record<string, unknown>
  cookies: string[]
}

/**
 * Signs the access JWT for a session the core opened or rotated: `sub` is the user field the
 * contract names, its claims are the user's plus the contract's own (registered claims always
 * win, RFC 7519 §4.1), and the cookies carry the tokens as the contract says.
 */
export async function issueTokens(ctx: RouteContext, contract: Contract, user: StoredUser, session: Session, refreshToken: string, accessMs: number, withCookies: boolean): Promise<Issued> {
  const shown = publicUser(user)
  const claims = userClaims(user)
  const extra = contract.tokens.claims?.({ user: shown })
  if (extra !== null && typeof extra === 'object' && !Array.isArray(extra)) {
    for (const key of Object.keys(extra)) {
      if (RESERVED.has(key)) continue
      Object.defineProperty(claims, key, { value: (extra as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true })
    }
  }
  const access = await signAccessToken(
    ctx.keys,
    ctx.tokens,
    { subject: subjectOf(contract, user), sessionId: session.id, claims, nowMs: ctx.now, ttlMs: accessMs },
    ctx.cache,
  )
  const vars = {
    user: shown,
    accessToken: access.token,
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: access.exp - Math.floor(ctx.now / 1000),
    expiresAt: new Date(access.exp * 1000).toISOString(),
    refreshTokenExpiresAt: new Date(session.expiresAt).toISOString(),
    sessionId: session.id,
  }
  const cookies: string[] = []
  if (withCookies) {
    const fallback = ctx.config.refreshTtlMs
    if (contract.cookies.access) cookies.push(contract.cookies.access.set(access.token, ctx.now, fallback))
    if (contract.cookies.refresh) cookies.push(contract.cookies.refresh.set(refreshToken, ctx.now, fallback))
  }
  return { vars, cookies }
}

function subjectOf(contract: Contract, user: StoredUser): string {
  const field = contract.tokens.subject
  return (field === 'id' ? user.id : field === 'username' ? user.username : user.email) ?? user.id
}

export type Authenticated =
  | { ok: true; user: StoredUser; session: Session; claims: AccessClaims }
  | { ok: false; code: 'invalid_token' | 'token_expired'; description: string }

/**
 * Checks an access token against the signature, the clock and the store (a signed-out session
 * fails though its signature and `exp` are fine). The session names the user, and `sub` must be
 * that user's field the contract chose (or its id), so a token of one user's session naming another is refused.
 */
export async function authenticateToken(ctx: RouteContext, contract: Contract, token: string): Promise<Authenticated> {
  const outcome = await verifyAccessToken(ctx.keys, ctx.tokens, token, ctx.now, ctx.cache)
  if (!outcome.ok) return { ok: false, code: outcome.code, description: outcome.description }
  const found = liveSession(ctx, outcome.claims.sid)
  if (!found.ok) return { ok: false, code: 'invalid_token', description: found.description }
  // The control API mints tokens the core's way, with the user id as `sub`: those are ours too.
  const sub = outcome.claims.sub
  if (sub !== found.user.id && sub !== subjectOf(contract, found.user)) return { ok: false, code: 'invalid_token', description: 'The token was not issued for this user.' }
  return { ok: true, user: found.user, session: found.session, claims: outcome.claims }
}

/** The placeholders of a session or me answer. */
export function sessionVars(auth: Extract<Authenticated, { ok: true }>, token: string, nowMs: number): Record<string, unknown> {
  return {
    user: publicUser(auth.user),
    accessToken: token,
    expiresIn: auth.claims.exp - Math.floor(nowMs / 1000),
    expiresAt: new Date(auth.claims.exp * 1000).toISOString(),
    sessionId: auth.session.id,
  }
}
