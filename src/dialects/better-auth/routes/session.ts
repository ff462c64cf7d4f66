import { jsonResult, type AuthResult, type RouteContext } from '../../../core/index.js'
import { readFields, field, type BetterAuthDeps } from '../context.js'
import { encodeBetterAuthError } from '../errors.js'
import { clearedCookies, isSecure } from '../session-cookie.js'
import { currentSession, sessionByToken, sessionsOf, type BetterAuthSession } from '../session-lookup.js'
import { betterAuthSession, betterAuthUser } from '../shapes.js'
import { checkOrigin } from '../trusted-origins.js'

/** `GET /get-session` → `null` signed out (also for an expired or revoked session), else `{ session, user }`. */
export async function getSession(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const found = await currentSession(ctx, deps.signer)
  // better-auth answers get-session with Pragma as well as Cache-Control (both no-cache families).
  const headers = { pragma: 'no-cache' }
  if (!found) return jsonResult(200, null, headers)
  return jsonResult(200, { session: betterAuthSession(ctx, found.session), user: betterAuthUser(ctx, found.user, found.session.createdAt) }, headers)
}

/** `POST /sign-out` → `{ success: true }`, the session revoked and better-auth's three cookies expired; idempotent. */
export async function signOut(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const refused = checkOrigin(ctx.request, deps.trusted, false)
  if (refused) return refused
  const read = await readFields(ctx)
  if (!read.ok) return read.result
  const found = await currentSession(ctx, deps.signer)
  if (found) ctx.state.store.revokeSession(found.session.id)
  const result = jsonResult(200, { success: true })
  result.cookies = clearedCookies(isSecure(ctx.request, deps.publicUrl))
  return result
}

/**
 * The routes that need a signed-in user (better-auth's `sessionMiddleware`): 401 `UNAUTHORIZED`
 * without a live session, and for POSTs the Origin check first.
 */
export function withSession(deps: BetterAuthDeps, handle: (ctx: RouteContext, found: BetterAuthSession, fields: Record<string, unknown>) => Promise<AuthResult> | AuthResult) {
  return async (ctx: RouteContext): Promise<AuthResult> => {
    const refused = checkOrigin(ctx.request, deps.trusted, false)
    if (refused) return refused
    const read = ctx.request.method.toUpperCase() === 'GET' ? { ok: true as const, fields: {} } : await readFields(ctx)
    if (!read.ok) return read.result
    const found = await currentSession(ctx, deps.signer)
    if (!found) return encodeBetterAuthError({ code: 'unauthenticated' })
    return handle(ctx, found, read.fields)
  }
}

/** `GET /list-sessions` → the user's live sessions, oldest first. */
export const listSessions = (ctx: RouteContext, found: BetterAuthSession): AuthResult =>
  jsonResult(200, sessionsOf(ctx, found.user.id).map((session) => betterAuthSession(ctx, session)))

/** `POST /revoke-session { token }` → `{ status: true }`; only the caller's own sessions can be named. */
export function revokeSession(ctx: RouteContext, found: BetterAuthSession, fields: Record<string, unknown>): AuthResult {
  const token = field(fields, 'token')
  if (typeof token !== 'string') return encodeBetterAuthError({ code: 'invalid_request', message: '[body.token] Invalid input: expected string, received undefined' })
  const target = sessionByToken(ctx, token)
  if (target && target.user.id === found.user.id) ctx.state.store.revokeSession(target.session.id)
  return jsonResult(200, { status: true })
}

/** `POST /revoke-sessions` → every session of the user, this one included, and the cookies expired. */
export function revokeSessions(ctx: RouteContext, found: BetterAuthSession, _fields: unknown, deps: BetterAuthDeps): AuthResult {
  ctx.state.store.revokeUserSessions(found.user.id)
  const result = jsonResult(200, { status: true })
  result.cookies = clearedCookies(isSecure(ctx.request, deps.publicUrl))
  return result
}

/** `POST /revoke-other-sessions` → every session of the user but the one asking. */
export function revokeOtherSessions(ctx: RouteContext, found: BetterAuthSession): AuthResult {
  for (const session of sessionsOf(ctx, found.user.id)) if (session.id !== found.session.id) ctx.state.store.revokeSession(session.id)
  return jsonResult(200, { status: true })
}
