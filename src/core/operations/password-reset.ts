import { sendMail } from '../mail/send-mail.js'
import type { StoredUser } from '../users.js'
import type { LinkFor } from './email-verification.js'
import type { FlowDeps } from './sign-in-gate.js'

/**
 * Mails a reset link when the address belongs to a user. The caller answers the same either way
 * (no user enumeration, OWASP Forgot Password Cheat Sheet), so `sent` is for the engine only.
 */
export function forgotPassword(deps: FlowDeps, email: string, link: LinkFor): { sent: boolean } {
  const user = deps.state.store.findByEmail(email)
  if (!user?.email) return { sent: false }
  sendMail(deps, { kind: 'reset-password', to: user.email, userId: user.id, link })
  return { sent: true }
}

export type ResetPasswordOutcome = { ok: true; user: StoredUser; revokedSessions: number } | { ok: false; error: 'invalid_reset_token' }

/**
 * Sets a new password with a mailed token: single use, 30 minutes of engine clock. Every session
 * of the user is revoked (whoever knew the old password is signed out) and the user's other reset
 * links die with it.
 */
export function resetPassword(deps: FlowDeps, input: { token: string; password: string }): ResetPasswordOutcome {
  const account = deps.state.account
  const consumed = account.tokens.consume('reset-password', input.token, deps.now)
  const user = consumed.ok ? deps.state.store.users.get(consumed.token.userId) : undefined
  if (!consumed.ok || !user) return { ok: false, error: 'invalid_reset_token' }
  const updated = deps.state.store.users.update(user.id, { password: input.password }) ?? user
  account.tokens.revokeFor(user.id, 'reset-password')
  return { ok: true, user: updated, revokedSessions: deps.state.store.revokeUserSessions(user.id) }
}
