import type { RouteContext } from '../context.js'
import { REFRESH_COOKIE } from '../cookies.js'
import { lifetimes, newRefreshToken, tokenAnswer } from '../issue.js'
import { parseBody, stringField } from '../parse-body.js'
import { bearerChallenge, errorResult, type AuthResult } from '../result.js'
import type { AuthErrorCode } from '../error-codes.js'

/**
 * `POST /api/auth/refresh`: exchanges a refresh token (JSON `refreshToken`, else the
 * `refresh_token` cookie) for a new pair. Every use rotates the token; presenting a rotated one is
 * reuse, which revokes the whole family and its session's access tokens (RFC 9700 §4.14.2).
 */
export async function refresh(ctx: RouteContext): Promise<AuthResult> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed.result
  const fromBody = stringField(parsed.fields, 'refreshToken')
  if (typeof fromBody === 'object') return errorResult('invalid_request', { message: fromBody.invalid })
  const token = fromBody ?? ctx.cookies[REFRESH_COOKIE]
  if (!token) return reject('invalid_refresh_token', 'No refresh token was sent.', false)

  // From lookup to rotation nothing awaits, so two racing requests cannot both rotate one token.
  const store = ctx.state.store
  const found = store.findRefresh(token)
  if (!found) return reject('invalid_refresh_token', 'The refresh token is unknown or revoked.', true)
  const { session } = found
  if (found.rotated) {
    store.revokeSession(session.id)
    return reject('refresh_token_reused', 'The refresh token was already used; the session is revoked.', true)
  }
  if (session.expiresAt <= ctx.now) return reject('refresh_token_expired', 'The refresh token has expired.', true)
  const user = store.users.get(session.userId)
  if (!user) return reject('invalid_refresh_token', 'The user no longer exists.', true)

  const { accessMs, refreshMs } = lifetimes(ctx, 'refresh')
  const next = newRefreshToken(ctx, session.id)
  store.rotate(session, next, ctx.now + refreshMs)
  return tokenAnswer(ctx, user, session, next, accessMs, 200, 'Refreshed')
}

function reject(code: AuthErrorCode, description: string, presented: boolean): AuthResult {
  const challenge = presented ? bearerChallenge({ description }) : bearerChallenge()
  return errorResult(code, { headers: { 'www-authenticate': challenge } })
}
