import type { RouteContext } from '../context.js'
import { openSession, type OpenedSession } from '../issue.js'
import type { MfaChallenge } from '../mfa/challenges.js'
import { signInGate } from './sign-in-gate.js'
import type { TokenLifetimes } from '../scenario.js'

export interface PasswordCredentials {
  /** A username or an email. */
  login: string
  password: string
}

export type SignInOutcome =
  | ({ ok: true } & OpenedSession)
  | { ok: false; error: 'invalid_credentials' | 'email_not_verified' }
  /** The password was right; the session waits for a second factor (`verifyMfa`). No session exists yet. */
  | { ok: false; error: 'mfa_required'; challenge: MfaChallenge }

/**
 * The `signIn` operation: checks a login and password against the namespace's users, then the
 * sign-in gate (a verified email, a second factor), and opens a session. One answer for "no such
 * user" and "wrong password", so the mock does not teach enumeration (OWASP ASVS 2.2); the gate is
 * only reached with the right password, so it tells nothing to someone without it. `override`
 * sets this session's lifetimes (a dialect whose one credential is the session itself maps the
 * scenario's access lifetime onto it).
 */
export function passwordSignIn(ctx: RouteContext, credentials: PasswordCredentials, override?: TokenLifetimes): SignInOutcome {
  const user = ctx.state.store.findByLogin(credentials.login)
  if (!user || user.password !== credentials.password) return { ok: false, error: 'invalid_credentials' }
  const gate = signInGate(ctx, user)
  if (gate.kind === 'error') return { ok: false, error: gate.error }
  if (gate.kind === 'mfa') return { ok: false, error: 'mfa_required', challenge: gate.challenge }
  return { ok: true, ...openSession(ctx, user, override) }
}
