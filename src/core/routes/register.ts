import type { RouteContext } from '../context.js'
import { startSession } from '../issue.js'
import { errorResult, type AuthResult } from '../result.js'
import type { StoredUser } from '../users.js'
import { readCredentials } from './credentials-body.js'

/** `POST /api/auth/register`: sign-up, signed in at once (201). */
export async function register(ctx: RouteContext): Promise<AuthResult> {
  const read = await readCredentials(ctx)
  if (!read.ok) return read.result
  const { username, email, password, name } = read.credentials
  const store = ctx.state.store
  const taken = [username, email].some((login) => login !== undefined && store.hasLogin(login))
  if (taken) return errorResult('user_exists')
  const user: StoredUser = { id: `user-${crypto.randomUUID()}`, username: username ?? email ?? '', password, roles: ['user'] }
  if (email !== undefined) user.email = email
  if (name !== undefined) user.name = name
  store.addUser(user)
  return startSession(ctx, user, 201, 'Registered')
}
