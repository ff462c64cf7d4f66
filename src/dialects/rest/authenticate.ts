import { bearerChallenge, errorResult, SESSION_COOKIE, type AccessClaims, type AuthResult, type RouteContext, type Session, type StoredUser } from '../../core/kernel.js'
import { authenticateAccessToken } from '../../core/operations/current-session.js'

export type RestAuthentication =
  | { kind: 'none' }
  | { kind: 'ok'; user: StoredUser; session: Session; claims: AccessClaims }
  | { kind: 'failed'; result: AuthResult }

/**
 * The presented access token, by a fixed precedence: an `Authorization: Bearer` header (RFC 6750
 * §2.1) wins, even when a `session` cookie is sent too; an `Authorization` header of another
 * scheme (Basic, Digest, a gateway's own) is not ours and is ignored, so the cookie still counts;
 * else the `session` cookie. A Bearer header that is not `Bearer <token>` is malformed (401).
 */
export function presentedToken(ctx: RouteContext): { token: string; via: 'bearer' | 'cookie' } | { malformed: true } | undefined {
  const header = ctx.request.headers.get('authorization')
  if (header !== null && /^\s*bearer(?:\s|$)/i.test(header)) {
    const match = /^\s*Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header)
    return match?.[1] ? { token: match[1], via: 'bearer' } : { malformed: true }
  }
  const cookie = ctx.cookies[SESSION_COOKIE]
  return cookie ? { token: cookie, via: 'cookie' } : undefined
}

/** The core's `session` check over the REST credential, a failure already in REST's wire form. */
export async function authenticate(ctx: RouteContext): Promise<RestAuthentication> {
  const presented = presentedToken(ctx)
  if (!presented) return { kind: 'none' }
  if ('malformed' in presented) return failed('invalid_token', 'The Authorization header is not "Bearer <token>".')
  const outcome = await authenticateAccessToken(ctx, presented.token)
  if (outcome.kind === 'failed') return failed(outcome.error, outcome.description)
  return outcome
}

function failed(code: 'invalid_token' | 'token_expired', description: string): RestAuthentication {
  const headers = { 'www-authenticate': bearerChallenge({ description }) }
  const result = code === 'token_expired' ? errorResult(code, { headers }) : errorResult(code, { message: description, headers })
  return { kind: 'failed', result }
}
