import { passwordSignIn, type AuthResult, type RouteContext } from '../../../core/index.js'
import { failure, pageUrl, redirect } from '../answers.js'
import type { NextAuthHandler, NextAuthKit } from '../context.js'
import type { NextAuthRequest } from '../request-state.js'
import { issueSessionCookie, sessionMaxAgeMs } from '../session-token.js'

/**
 * `POST /callback/credentials` (form-encoded `csrfToken`, `callbackUrl`, `username` or `email`,
 * `password`): the `signIn` operation. Success → `{ url: callbackUrl }` and the session cookie;
 * bad credentials → next-auth's `CredentialsSignin` answer; a CSRF token that does not verify →
 * next-auth's silent `signin?csrf=true` (v4) or `error=MissingCSRF` (v5).
 */
export const callback: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const headers = ctx.request.headers
  if (!req.csrfVerified) return missingCsrf(kit, req, headers)
  const login = field(req, 'username') ?? field(req, 'email')
  const password = field(req, 'password')
  const outcome = login === undefined || password === undefined ? undefined : passwordSignIn(ctx, { login, password })
  if (!outcome || (!outcome.ok && outcome.error === 'invalid_credentials')) return tagged(failure(kit.wire, req, headers, kit.wire.credentialsSignin), 'invalid_credentials')
  // The password was right but the core's gate says no (an unverified email, a second factor owed):
  // what `authorize` refusing with that code gives in this version.
  if (!outcome.ok) return tagged(failure(kit.wire, req, headers, kit.wire.authorizeRefused(outcome.error)), outcome.error)
  return signedIn(ctx, kit, req, outcome)
}

async function signedIn(ctx: RouteContext, kit: NextAuthKit, req: NextAuthRequest, outcome: Extract<ReturnType<typeof passwordSignIn>, { ok: true }>): Promise<AuthResult> {
  const { cookie } = await issueSessionCookie(ctx, kit.jwe, req.names, outcome.user, outcome.session, sessionMaxAgeMs(ctx, 'sign-in'))
  return redirect(kit.wire, req, ctx.request.headers, req.callbackUrl, [...req.cookies, cookie])
}

/** A POST whose CSRF token did not verify: next-auth redirects to its sign-in page, status 200. */
export function missingCsrf(kit: NextAuthKit, req: NextAuthRequest, headers: { get(name: string): string | null }): AuthResult {
  const url = pageUrl(req.base, kit.wire.missingCsrf.page, kit.wire.missingCsrf.params)
  return redirect(kit.wire, req, headers, url, kit.wire.errorsKeepCookies ? req.cookies : [])
}

/** The core code on the answer for the journal: v5 answers a failed sign-in with 200. */
function tagged(result: AuthResult, code: string): AuthResult {
  result.error = code
  return result
}

function field(req: NextAuthRequest, name: string): string | undefined {
  const value = req.fields[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}
