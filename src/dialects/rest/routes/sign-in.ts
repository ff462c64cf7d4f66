import { bearerChallenge, errorResult, jsonResult, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { tokenAnswer } from '../../../core/issue.js'
import { passwordSignIn } from '../../../core/operations/password-sign-in.js'
import { readCredentials } from '../credentials-body.js'

/**
 * `POST /api/auth`, `POST /api/auth/login`: password sign-in. A user who owes a second factor gets
 * 200 `{ mfaRequired, challengeId, methods, expiresAt }` and no cookie: the session only exists
 * after `POST /mfa/verify`.
 */
export async function signIn(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const outcome = passwordSignIn(ctx, read.credentials)
  if (outcome.ok) return tokenAnswer(ctx, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, 200, 'Authenticated')
  if (outcome.error === 'mfa_required') {
    const { challenge } = outcome
    return jsonResult(200, { mfaRequired: true, challengeId: challenge.id, methods: ['totp'], expiresAt: new Date(challenge.expiresAt).toISOString() })
  }
  if (outcome.error === 'email_not_verified') return errorResult(outcome.error)
  return errorResult(outcome.error, { headers: { 'www-authenticate': bearerChallenge() } })
}
