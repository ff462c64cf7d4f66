import type { RouteContext } from './context.js'
import { SESSION_COOKIE } from './cookies.js'
import { bearerChallenge, errorResult, type AuthResult } from './result.js'
import type { Session } from './store.js'
import { verifyAccessToken, type AccessClaims } from './tokens.js'
import type { StoredUser } from './users.js'

export type Authentication =
  | { kind: 'none' }
  | { kind: 'ok'; user: StoredUser; session: Session; claims: AccessClaims }
  | { kind: 'failed'; result: AuthResult }

/** The presented access token: `Authorization: Bearer` (RFC 6750 §2.1) first, else the session cookie. */
export function presentedToken(ctx: RouteContext): { token: string } | { malformed: true } | undefined {
  const header = ctx.request.headers.get('authorization')
  if (header !== null) {
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header)
    return match?.[1] ? { token: match[1] } : { malformed: true }
  }
  const cookie = ctx.cookies[SESSION_COOKIE]
  return cookie ? { token: cookie } : undefined
}

/**
 * Checks the presented credential against the signature, the clock and the store: a token whose
 * session was signed out or revoked fails even though its signature and `exp` are fine.
 */
export async function authenticate(ctx: RouteContext): Promise<Authentication> {
  const presented = presentedToken(ctx)
  if (!presented) return { kind: 'none' }
  if ('malformed' in presented) return failed('invalid_token', 'The Authorization header is not "Bearer <token>".')
  const outcome = await verifyAccessToken(ctx.keys, ctx.tokens, presented.token, ctx.now, ctx.cache)
  if (!outcome.ok) return failed(outcome.code, outcome.description)
  const session = ctx.state.store.sessions.get(outcome.claims.sid)
  if (!session) return failed('invalid_token', 'The session has been signed out or revoked.')
  const user = ctx.state.store.users.get(outcome.claims.sub)
  if (!user || session.userId !== user.id) return failed('invalid_token', 'The user no longer exists.')
  return { kind: 'ok', user, session, claims: outcome.claims }
}

function failed(code: 'invalid_token' | 'token_expired', description: string): Authentication {
  const headers = { 'www-authenticate': bearerChallenge({ description }) }
  const result = code === 'token_expired' ? errorResult(code, { headers }) : errorResult(code, { message: description, headers })
  return { kind: 'failed', result }
}
