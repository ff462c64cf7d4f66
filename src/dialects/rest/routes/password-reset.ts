import type { RouteContext } from '../../../core/context.js'
import { forgotPassword as forgot, resetPassword as reset } from '../../../core/operations/password-reset.js'
import { errorResult, jsonResult, type AuthResult } from '../../../core/result.js'
import { readFields, resolveRedirect, withToken } from '../flow-body.js'

/**
 * `POST /api/auth/forgot-password { email, redirectTo? }`: always 200, the same body whether or
 * not the address has an account (OWASP Forgot Password Cheat Sheet: no user enumeration). The
 * mail's link is `redirectTo` (default `/reset-password` on the origin asked) with `?token=`.
 */
export async function forgotPassword(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['email'], ['redirectTo'])
  if (!read.ok) return read.result
  const target = resolveRedirect(ctx, read.fields.redirectTo, '/reset-password')
  if (!target.ok) return target.result
  forgot(ctx, read.fields.email, (token) => withToken(target.url, token))
  return jsonResult(200, { message: 'If an account uses that address, a reset mail is on its way.' })
}

/**
 * `POST /api/auth/reset-password { token, password }`: sets the password and revokes every session
 * of the user; this browser's cookies are cleared too, since its session is one of them.
 */
export async function resetPassword(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['token', 'password'])
  if (!read.ok) return read.result
  const outcome = reset(ctx, read.fields)
  if (!outcome.ok) return errorResult(outcome.error)
  const result = jsonResult(200, { message: 'Password reset. Sign in with the new password.', revokedSessions: outcome.revokedSessions })
  result.cookies = ctx.config.cookies.cleared()
  return result
}
