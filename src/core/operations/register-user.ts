import type { RouteContext } from '../context.js'
import { openSession, type OpenedSession } from '../issue.js'
import type { TokenLifetimes } from '../scenario.js'
import { maxUsersMessage } from '../store.js'
import type { StoredUser } from '../users.js'
import { sendVerification, type LinkFor } from './email-verification.js'
import { isEmailVerified } from './sign-in-gate.js'

export interface Registration {
  username?: string
  email?: string
  password: string
  name?: string
}

export type RegisterOutcome =
  | ({ ok: true; verificationRequired: false } & OpenedSession)
  /** The scenario requires a verified email: the user exists, the verification mail is sent, no session. */
  | { ok: true; verificationRequired: true; user: StoredUser }
  | { ok: false; error: 'user_exists' }
  /** The namespace holds `maxUsers` users already; `message` names the option. */
  | { ok: false; error: 'limit_exceeded'; message: string }

/**
 * The `register` operation: a new user (refused when the username or email is taken). Every sign-up
 * with an email gets a verification mail, whose link the dialect builds (`verificationLink`). The
 * user is signed in at once unless the scenario requires a verified email first; `override` sets
 * the session's lifetimes.
 */
export function registerUser(ctx: RouteContext, input: Registration, verificationLink: LinkFor, override?: TokenLifetimes): RegisterOutcome {
  const { username, email, password, name } = input
  const store = ctx.state.store
  const taken = [username, email].some((login) => login !== undefined && store.hasLogin(login))
  if (taken) return { ok: false, error: 'user_exists' }
  // Every store is bounded: past maxUsers a sign-up is refused, naming the option to raise.
  if (store.isFull()) return { ok: false, error: 'limit_exceeded', message: maxUsersMessage(store.users.added) }
  const user: StoredUser = { id: `user-${crypto.randomUUID()}`, username: username ?? email ?? '', password, roles: ['user'] }
  if (email !== undefined) user.email = email
  if (name !== undefined) user.name = name
  store.addUser(user)
  sendVerification(ctx, user, verificationLink)
  if (!isEmailVerified(ctx, user)) return { ok: true, verificationRequired: true, user }
  return { ok: true, verificationRequired: false, ...openSession(ctx, user, override) }
}
