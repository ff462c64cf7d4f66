import { errorResult, jsonResult, parseBody, REFRESH_COOKIE, stringField, type AuthResult, type RouteContext } from '../../../core/kernel.js'
import { endSessions } from '../../../core/operations/end-session.js'
import { presentedToken } from '../authenticate.js'

/**
 * `DELETE /api/auth`, `POST /api/auth/logout`, `DELETE /api/auth/session`: revokes the session
 * server-side (so its access and refresh tokens die at once, RFC 7009 §2.2 in spirit) and expires
 * both cookies. Idempotent: with no or a dead credential it still answers 200 and clears cookies.
 *
 * Whose session: the one of the credential that authenticates (see `presentedToken`): a Bearer
 * token's, else the `session` cookie's; plus a refresh token named in the body. The
 * `refresh_token` cookie counts only when no Bearer token speaks: a client signing out with its
 * Bearer token does not also sign out whoever's cookies travel along.
 */
export async function signOut(ctx: RouteContext): Promise<AuthResult> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed.result
  const presented = presentedToken(ctx)
  const fromBody = stringField(parsed.fields, 'refreshToken')
  // A refresh token that is no string is a malformed request, as on /refresh, not "nothing to revoke".
  if (typeof fromBody === 'object') return errorResult('invalid_request', { message: fromBody.invalid })
  const { revoked } = await endSessions(ctx, {
    accessToken: presented && 'token' in presented ? presented.token : undefined,
    refreshToken: typeof fromBody === 'string' ? fromBody : presented && 'via' in presented && presented.via === 'bearer' ? undefined : ctx.cookies[REFRESH_COOKIE],
  })
  const result = jsonResult(200, { message: 'Signed out', revoked })
  result.cookies = ctx.config.cookies.cleared()
  return result
}
