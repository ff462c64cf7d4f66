import { endSessions, type AuthResult } from '../../../core/index.js'
import { redirect } from '../answers.js'
import type { NextAuthHandler } from '../context.js'
import { clearCookie } from '../cookies.js'
import { missingCsrf } from './callback.js'

/**
 * `POST /signout` with a verified CSRF token: the `signOut` operation. The session is revoked in
 * the store (so a copied cookie stops working too) and its cookie cleared; `{ url: callbackUrl }`.
 * Without a valid token the session stays and the answer is next-auth's CSRF redirect.
 */
export const signOut: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  if (!req.csrfVerified) return missingCsrf(kit, req, ctx.request.headers)
  const token = ctx.cookies[req.names.sessionToken]
  const cookies = [...req.cookies]
  if (token) {
    const claims = await kit.jwe.decode(token, req.names.sessionToken, ctx.now, { ignoreExpiry: true })
    if (claims) await endSessions(ctx, { sessionId: claims.sid })
    cookies.push(clearCookie(req.names, req.names.sessionToken))
  }
  return redirect(kit.wire, req, ctx.request.headers, req.callbackUrl, cookies)
}
