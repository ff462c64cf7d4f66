import { authenticateAccessToken, bearerChallenge, errorResult, SESSION_COOKIE, type AuthResult, type RouteContext } from '../../core/index.js'
import type { AccessClaims, Session, StoredUser } from '../../core/index.js'

export type RestAuthentication =
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
