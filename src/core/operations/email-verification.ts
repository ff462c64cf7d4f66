import type { Mail } from '../mail/mailbox.js'
import { sendMail } from '../mail/send-mail.js'
import type { StoredUser } from '../users.js'
import { isEmailVerified, type FlowDeps } from './sign-in-gate.js'

export type LinkFor = (token: string) => string

/** Mails a verification link to a user with an email (every sign-up does). */
export function sendVerification(deps: FlowDeps, user: StoredUser, link: LinkFor): Mail | undefined {
  if (user.email === undefined) return undefined
  return sendMail(deps, { kind: 'verify-email', to: user.email, userId: user.id, link })
}

/**
 * Another verification mail, for a known user whose email is not verified yet. Unknown and
 * already verified addresses get the same answer and no mail, so the route cannot be used to
 * learn which addresses have accounts.
 */
export function resendVerification(deps: FlowDeps, email: string, link: LinkFor): { sent: boolean } {
  const user = deps.state.store.findByEmail(email)
  if (!user || isEmailVerified(deps, user)) return { sent: false }
  return { sent: sendVerification(deps, user, link) !== undefined }
}

export type VerifyEmailOutcome = { ok: true; user: StoredUser } | { ok: false; error: 'invalid_verification_token' }

/** Follows a verification link: single use; the user then signs in, under `requireVerifiedEmail` too. */
export function verifyEmail(deps: FlowDeps, token: string): VerifyEmailOutcome {
  const consumed = deps.state.account.tokens.consume('verify-email', token, deps.now)
  const user = consumed.ok ? deps.state.store.users.get(consumed.token.userId) : undefined
  if (!consumed.ok || !user) return { ok: false, error: 'invalid_verification_token' }
  return { ok: true, user: markVerified(deps, user) }
}

/** Marks the email verified in this namespace only (a seed user is copied on change, never written). */
export function markVerified(deps: FlowDeps, user: StoredUser): StoredUser {
  deps.state.account.verified.add(user.id)
  return deps.state.store.users.update(user.id, { emailVerified: true }) ?? user
}
