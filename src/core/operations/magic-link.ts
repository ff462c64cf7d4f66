import { sendMail } from '../mail/send-mail.js'
import type { StoredUser } from '../users.js'
import { markVerified, type LinkFor } from './email-verification.js'
import type { FlowDeps } from './sign-in-gate.js'

/**
 * Mails a sign-in link to any address: a known user's, or a new one whose user is made when the
 * link is followed (better-auth's magic-link plugin and the Auth.js email provider both sign up
 * that way). The answer is the same either way.
 */
export function requestMagicLink(deps: FlowDeps, input: { email: string; redirectTo?: string }, link: LinkFor): { sent: true } {
  const user = deps.state.store.findByEmail(input.email)
  const to = user?.email ?? input.email
  sendMail(deps, { kind: 'magic-link', to, userId: user?.id ?? '', link, ...(input.redirectTo === undefined ? {} : { redirectTo: input.redirectTo }) })
  return { sent: true }
}

export type MagicLinkOutcome = { ok: true; user: StoredUser; created: boolean; redirectTo?: string } | { ok: false; error: 'invalid_magic_link_token' }

/**
 * Follows a magic link: single use, 15 minutes of engine clock. Opening the mail proves the
 * address, so the email counts as verified; the link itself is the sign-in, so no password or
 * second factor is asked (a magic link is possession of the inbox).
 */
export function consumeMagicLink(deps: FlowDeps, token: string, newUserId: () => string): MagicLinkOutcome {
  const consumed = deps.state.account.tokens.consume('magic-link', token, deps.now)
  if (!consumed.ok) return { ok: false, error: 'invalid_magic_link_token' }
  const store = deps.state.store
  const entry = consumed.token
  let user = entry.userId === '' ? store.findByEmail(entry.email) : store.users.get(entry.userId)
  let created = false
  if (!user) {
    // The user the link was for is gone (or the address was taken as a username meanwhile).
    if (entry.userId !== '' || store.hasLogin(entry.email)) return { ok: false, error: 'invalid_magic_link_token' }
    // No password can sign this user in until they reset one: a random secret nobody knows.
    user = { id: newUserId(), username: entry.email, email: entry.email, password: crypto.randomUUID(), roles: ['user'] }
    store.addUser(user)
    created = true
  }
  return { ok: true, user: markVerified(deps, user), created, ...(entry.redirectTo === undefined ? {} : { redirectTo: entry.redirectTo }) }
}
