import { jsonResult, type AuthResult } from '../../../core/index.js'
import type { NextAuthHandler } from '../context.js'
import { clearCookie } from '../cookies.js'
import { currentUser, issueSessionCookie, sessionMaxAgeMs, userImage } from '../session-token.js'

/**
 * `GET /session` (and `POST /session`, an update, which needs a verified CSRF token): the
 * `session` operation. Signed out → `{}` (v4) or `null` (v5); signed in → `{ user: { name, email,
 * image }, expires }` with the session cookie re-issued (rolling). A cookie that does not open, is
 * expired or names a signed-out session reads as signed out and is cleared, as next-auth does.
 */
export const session: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const isUpdate = ctx.request.method.toUpperCase() === 'POST'
  if (isUpdate && !req.csrfVerified) {
    const refused = jsonResult(400, kit.wire.signedOutBody)
    refused.cookies = kit.wire.errorsKeepCookies ? req.cookies : []
    return refused
  }
  const found = await currentUser(ctx, kit.jwe, req)
  const headers = isUpdate ? {} : kit.wire.sessionHeaders
  if (found === 'none' || found === 'invalid') {
    const result = jsonResult(200, kit.wire.signedOutBody, headers)
    result.cookies = found === 'invalid' ? [...req.cookies, clearCookie(req.names, req.names.sessionToken)] : req.cookies
    return result
  }
  const { user, session: stored } = found
  const { cookie, expires } = await issueSessionCookie(ctx, kit.jwe, req.names, user, stored, sessionMaxAgeMs(ctx, 'session'))
  // JSON drops undefined fields: `image` is absent for a user without one, as in next-auth.
  const result = jsonResult(200, { user: { name: user.name, email: user.email, image: userImage(user) }, expires: expires.toISOString() }, headers)
  result.cookies = [...req.cookies, cookie]
  return result
}
