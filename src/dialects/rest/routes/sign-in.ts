import { bearerChallenge, errorResult, passwordSignIn, tokenAnswer, type AuthResult, type RouteContext } from '../../../core/index.js'
import { readCredentials } from '../credentials-body.js'

/** `POST /api/auth`, `POST /api/auth/login`: password sign-in. */
export async function signIn(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const outcome = passwordSignIn(ctx, read.credentials)
  if (!outcome.ok) return errorResult(outcome.error, { headers: { 'www-authenticate': bearerChallenge() } })
  return tokenAnswer(ctx, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, 200, 'Authenticated')
}
