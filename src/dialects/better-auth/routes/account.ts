import { jsonResult, openSession, type AuthResult, type RouteContext } from '../../../core/index.js'
import { field, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, requiredFields, type BetterAuthDeps } from '../context.js'
import { betterAuthError } from '../errors.js'
import { isSecure, sessionCookie } from '../session-cookie.js'
import { sessionLifetime, sessionsOf, type BetterAuthSession } from '../session-lookup.js'
import { betterAuthUser } from '../shapes.js'

const validation = (message: string) => betterAuthError(400, 'VALIDATION_ERROR', message)

/**
 * `POST /update-user { name?, image? }` → `{ status: true }`, the session cookie set again as
 * better-auth does. The email cannot change here (better-auth's `EMAIL_CAN_NOT_BE_UPDATED`);
 * `image` is accepted and not kept (mock-auth's users have no picture).
 */
export async function updateUser(ctx: RouteContext, found: BetterAuthSession, fields: Record<string, unknown>, deps: BetterAuthDeps): Promise<AuthResult> {
  if (fields.email !== undefined) return betterAuthError(400, 'EMAIL_CAN_NOT_BE_UPDATED', 'Email can not be updated')
  const name = field(fields, 'name')
  if (typeof name === 'object') return validation(name.invalid)
  if (name !== undefined && name.length > MAX_NAME_LENGTH) return validation(`[body.name] Too big: expected string to have <=${MAX_NAME_LENGTH} characters`)
  if (name !== undefined) ctx.state.store.users.update(found.user.id, { name })
  const result = jsonResult(200, { status: true })
  const maxAge = Math.round((found.session.expiresAt - ctx.now) / 1000)
  result.cookies = [sessionCookie(await deps.signer.sign(found.token), isSecure(ctx.request, deps.publicUrl), maxAge)]
  return result
}

/**
 * `POST /change-password { currentPassword, newPassword, revokeOtherSessions? }` → `{ token, user }`:
 * `token` is null unless other sessions were revoked, in which case better-auth starts a new
 * session (and cookie) for the caller too.
 */
export async function changePassword(ctx: RouteContext, found: BetterAuthSession, fields: Record<string, unknown>, deps: BetterAuthDeps): Promise<AuthResult> {
  const required = requiredFields(fields, ['newPassword', 'currentPassword'] as const)
  if (!required.ok) return validation(required.message)
  const { newPassword, currentPassword } = required.values
  if (newPassword.length < MIN_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_SHORT', 'Password too short')
  if (newPassword.length > MAX_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_LONG', 'Password too long')
  if (found.user.password !== currentPassword) return betterAuthError(400, 'INVALID_PASSWORD', 'Invalid password')
  const user = ctx.state.store.users.update(found.user.id, { password: newPassword }) ?? found.user
  if (fields.revokeOtherSessions !== true && fields.revokeOtherSessions !== 'true') {
    return jsonResult(200, { token: null, user: betterAuthUser(ctx, user) })
  }
  for (const session of sessionsOf(ctx, user.id)) ctx.state.store.revokeSession(session.id)
  const opened = openSession(ctx, user, sessionLifetime(ctx))
  const result = jsonResult(200, { token: opened.refreshToken, user: betterAuthUser(ctx, user) })
  const maxAge = Math.round((opened.session.expiresAt - ctx.now) / 1000)
  result.cookies = [sessionCookie(await deps.signer.sign(opened.refreshToken), isSecure(ctx.request, deps.publicUrl), maxAge)]
  return result
}
