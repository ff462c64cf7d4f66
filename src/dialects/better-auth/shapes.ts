import type { RouteContext, Session, StoredUser } from '../../core/index.js'

/**
 * The user as better-auth answers it (`{ id, name, email, emailVerified, image?, createdAt,
 * updatedAt }`). mock-auth keeps no per-user timestamps, so both read as `at` (the session's
 * creation, or now); `name` falls back to the username, since better-auth's users always have one.
 */
export function betterAuthUser(ctx: RouteContext, user: StoredUser, at: number = ctx.now): Record<string, unknown> {
  const iso = new Date(at).toISOString()
  return {
    name: user.name ?? user.username,
    email: user.email ?? user.username,
    emailVerified: emailVerified(ctx, user),
    createdAt: iso,
    updatedAt: iso,
    id: user.id,
  }
}

/**
 * better-auth's `emailVerified` is true only once an email was verified: a user seeded with
 * `emailVerified: true`, or one who followed a verification link in this namespace. (Whether an
 * unverified user may sign in is the scenario's and the user's business, not this flag's.)
 */
function emailVerified(ctx: RouteContext, user: StoredUser): boolean {
  return user.emailVerified === true || ctx.state.account.verified.has(user.id)
}

/** A session as better-auth answers it; its `token` is the credential (see session-lookup.ts). */
export function betterAuthSession(ctx: RouteContext, session: Session): Record<string, unknown> {
  const created = new Date(session.createdAt).toISOString()
  return {
    expiresAt: new Date(session.expiresAt).toISOString(),
    token: session.refreshToken,
    createdAt: created,
    updatedAt: created,
    ipAddress: '',
    userAgent: '',
    userId: session.userId,
    id: session.id,
  }
}
