import type { RouteContext } from '../context.js'
import { openSession, type OpenedSession } from '../issue.js'

export interface PasswordCredentials {
  /** A username or an email. */
  login: string
  password: string
}

export type SignInOutcome = ({ ok: true } & OpenedSession) | { ok: false; error: 'invalid_credentials' }

/**
 * The `signIn` operation: checks a login and password against the namespace's users and opens a
 * session. One answer for "no such user" and "wrong password", so the mock does not teach
 * enumeration (OWASP ASVS 2.2).
 */
export function passwordSignIn(ctx: RouteContext, credentials: PasswordCredentials): SignInOutcome {
  const user = ctx.state.store.findByLogin(credentials.login)
  if (!user || user.password !== credentials.password) return { ok: false, error: 'invalid_credentials' }
  return { ok: true, ...openSession(ctx, user) }
}
