import { base64url } from '../base64url.js'
import type { RouteContext } from '../context.js'
import { openSession, type OpenedSession } from '../issue.js'
import type { TokenLifetimes } from '../scenario.js'
import type { SocialProfile } from '../social.js'
import type { StoredUser } from '../users.js'

export type SocialSignInOutcome = ({ ok: true; created: boolean } & OpenedSession) | { ok: false; error: 'email_not_verified' }

/**
 * The `socialSignIn` operation: a provider vouched for `profile`. Its email names the user when
 * one has it (the account is linked by email), otherwise a user is created for it, with a random
 * password nobody knows. An email the provider has not verified signs nobody in: linking by an
 * unverified address would let anyone claim an account (the reason Auth.js refuses it too).
 */
export function socialSignIn(ctx: RouteContext, profile: SocialProfile, override?: TokenLifetimes): SocialSignInOutcome {
  if (!profile.emailVerified) return { ok: false, error: 'email_not_verified' }
  const store = ctx.state.store
  let user = store.findByLogin(profile.email)
  let created = false
  if (!user) {
    const fresh: StoredUser = { id: `${profile.providerId}-${profile.subject}`, username: profile.email, email: profile.email, password: base64url(ctx.random.bytes(32)) }
    if (profile.name !== undefined) fresh.name = profile.name
    store.addUser(fresh)
    user = store.findByLogin(profile.email) ?? fresh
    created = true
  }
  return { ok: true, created, ...openSession(ctx, user, override) }
}
