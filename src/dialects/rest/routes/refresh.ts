import { bearerChallenge, errorResult, parseBody, REFRESH_COOKIE, stringField, type AuthErrorCode, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { tokenAnswer } from '../../../core/issue.js'
import { rotateRefresh } from '../../../core/operations/rotate-refresh.js'

/**
 * `POST /api/auth/refresh`: exchanges a refresh token (JSON `refreshToken`, else the
 * `refresh_token` cookie) for a new pair; the core rotates it and detects reuse (RFC 9700 §4.14.2).
 */
export async function refresh(ctx: RouteContext): Promise<AuthResult> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed.result
  const fromBody = stringField(parsed.fields, 'refreshToken')
  if (typeof fromBody === 'object') return errorResult('invalid_request', { message: fromBody.invalid })
  const token = fromBody ?? ctx.cookies[REFRESH_COOKIE]
  if (!token) return reject('invalid_refresh_token', 'No refresh token was sent.', false)
  const outcome = rotateRefresh(ctx, token)
  if (!outcome.ok) return reject(outcome.error, outcome.description, true)
  return tokenAnswer(ctx, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, 200, 'Refreshed')
}

function reject(code: AuthErrorCode, description: string, presented: boolean): AuthResult {
  const challenge = presented ? bearerChallenge({ description }) : bearerChallenge()
  return errorResult(code, { headers: { 'www-authenticate': challenge } })
}
