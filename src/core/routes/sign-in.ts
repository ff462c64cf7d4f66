import type { RouteContext } from '../context.js'
import { startSession } from '../issue.js'
import { bearerChallenge, errorResult, type AuthResult } from '../result.js'
import { readCredentials } from './credentials-body.js'

/** `POST /api/auth`, `POST /api/auth/login`: password sign-in. */
export async function signIn(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const { login, password } = read.credentials
  const user = ctx.state.store.findByLogin(login)
  // One answer for "no such user" and "wrong password", so the mock does not teach enumeration.
  if (!user || user.password !== password) {
    return errorResult('invalid_credentials', { headers: { 'www-authenticate': bearerChallenge() } })
  }
  return startSession(ctx, user, 200, 'Authenticated')
}
