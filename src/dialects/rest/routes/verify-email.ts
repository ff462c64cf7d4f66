import type { RouteContext } from '../../../core/context.js'
import { resendVerification as resend, verifyEmail as verify } from '../../../core/operations/email-verification.js'
import { errorResult, jsonResult, type AuthResult } from '../../../core/result.js'
import { publicUser } from '../../../core/users.js'
import { readFields, resolveRedirect, withToken } from '../flow-body.js'

/** `POST /api/auth/verify-email { token }`: follows a verification mail; the user may then sign in. */
export async function verifyEmail(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['token'])
  if (!read.ok) return read.result
  const outcome = verify(ctx, read.fields.token)
  if (!outcome.ok) return errorResult(outcome.error)
  return jsonResult(200, { message: 'Email verified', user: publicUser(outcome.user) })
}

/**
 * `POST /api/auth/verify-email/resend { email, redirectTo? }`: another verification mail. The
 * answer is the same for unknown and already verified addresses (no user enumeration).
 */
export async function resendVerification(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['email'], ['redirectTo'])
  if (!read.ok) return read.result
  const target = resolveRedirect(ctx, read.fields.redirectTo, '/verify-email')
  if (!target.ok) return target.result
  resend(ctx, read.fields.email, (token) => withToken(target.url, token))
  return jsonResult(200, { message: 'If that address has an account waiting for verification, a new mail is on its way.' })
}
