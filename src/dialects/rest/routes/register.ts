import { errorResult, jsonResult, publicUser, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { tokenAnswer } from '../../../core/issue.js'
import { registerUser, type Registration } from '../../../core/operations/register-user.js'
import { readCredentials } from '../credentials-body.js'
import { resolveRedirect, withToken } from '../flow-body.js'

/**
 * `POST /api/auth/register`: sign-up, signed in at once (201), and a verification mail to the
 * address (linking to `/verify-email?token=` on the origin asked). Under a scenario that requires
 * verified emails: 201 `{ message, user, emailVerificationRequired: true }` without a session.
 */
export async function register(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const { username, email, password, name } = read.credentials
  const input: Registration = { password }
  if (username !== undefined) input.username = username
  if (email !== undefined) input.email = email
  if (name !== undefined) input.name = name
  const target = resolveRedirect(ctx, undefined, '/verify-email')
  if (!target.ok) return target.result
  const outcome = registerUser(ctx, input, (token) => withToken(target.url, token))
  if (!outcome.ok) return errorResult(outcome.error, 'message' in outcome ? { message: outcome.message } : {})
  if (outcome.verificationRequired) {
    return jsonResult(201, { message: 'Registered. Verify your email address to sign in: a mail is on its way.', user: publicUser(outcome.user), emailVerificationRequired: true })
  }
  return tokenAnswer(ctx, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, 201, 'Registered')
}
