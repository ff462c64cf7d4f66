import { errorResult, registerUser, tokenAnswer, type AuthResult, type Registration, type RouteContext } from '../../../core/index.js'
import { readCredentials } from '../credentials-body.js'

/** `POST /api/auth/register`: sign-up, signed in at once (201). */
export async function register(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const { username, email, password, name } = read.credentials
  const input: Registration = { password }
  if (username !== undefined) input.username = username
  if (email !== undefined) input.email = email
  if (name !== undefined) input.name = name
  const outcome = registerUser(ctx, input)
  if (!outcome.ok) return errorResult(outcome.error)
  return tokenAnswer(ctx, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, 201, 'Registered')
}
