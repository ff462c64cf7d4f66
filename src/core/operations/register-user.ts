import type { RouteContext } from '../context.js'
import { openSession, type OpenedSession } from '../issue.js'
import type { StoredUser } from '../users.js'

export interface Registration {
  username?: string
  email?: string
  password: string
  name?: string
}

export type RegisterOutcome = ({ ok: true } & OpenedSession) | { ok: false; error: 'user_exists' }

/** The `register` operation: a new user (refused when the username or email is taken), signed in at once. */
export function registerUser(ctx: RouteContext, input: Registration): RegisterOutcome {
  const { username, email, password, name } = input
  const store = ctx.state.store
  const taken = [username, email].some((login) => login !== undefined && store.hasLogin(login))
  if (taken) return { ok: false, error: 'user_exists' }
  const user: StoredUser = { id: `user-${crypto.randomUUID()}`, username: username ?? email ?? '', password, roles: ['user'] }
  if (email !== undefined) user.email = email
  if (name !== undefined) user.name = name
  store.addUser(user)
  return { ok: true, ...openSession(ctx, user) }
}
