import type { OpenedSession, RouteContext } from '../../core/index.js'
import type { BetterAuthDeps } from './context.js'
import { dontRememberCookie, isSecure, sessionCookie } from './session-cookie.js'

/** The session cookie(s) for a new session; `rememberMe: false` makes it a browser-session cookie, as better-auth does. */
export async function sessionCookies(ctx: RouteContext, deps: BetterAuthDeps, opened: OpenedSession, remember: boolean): Promise<string[]> {
  const secure = isSecure(ctx.request, deps.publicUrl)
  const signed = await deps.signer.sign(opened.refreshToken)
  const maxAge = Math.round((opened.session.expiresAt - ctx.now) / 1000)
  if (remember) return [sessionCookie(signed, secure, maxAge)]
  return [sessionCookie(signed, secure, undefined), dontRememberCookie(await deps.signer.sign('true'), secure)]
}
