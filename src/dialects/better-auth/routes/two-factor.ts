import { openSession, verifyMfa, jsonResult, type AuthResult, type MfaChallenge, type RouteContext } from '../../../core/index.js'
import { field, readFields, type BetterAuthDeps } from '../context.js'
import { betterAuthError } from '../errors.js'
import { clearedCookies, cookieName, isSecure } from '../session-cookie.js'
import { sessionLifetime } from '../session-lookup.js'
import { betterAuthUser } from '../shapes.js'
import { checkOrigin } from '../trusted-origins.js'
import { sessionCookies } from '../new-session.js'

/** better-auth's twoFactor plugin cookie (`two_factor`, signed, 600 s: `twoFactorCookieMaxAge`). */
const TWO_FACTOR = 'two_factor'
const TWO_FACTOR_MAX_AGE = 600

function twoFactorCookie(value: string, secure: boolean, maxAge: number): string {
  return `${cookieName(TWO_FACTOR, secure)}=${encodeURIComponent(value)}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/**
 * A sign-in that owes a second factor, as the twoFactor plugin answers it: 200
 * `{ twoFactorRedirect: true, twoFactorMethods: ["totp"] }`, the session cookies expired, and the
 * signed `two_factor` cookie naming the pending challenge (the core's, so 5 minutes and 5 codes).
 */
export async function twoFactorRedirect(ctx: RouteContext, deps: BetterAuthDeps, challenge: MfaChallenge): Promise<AuthResult> {
  const secure = isSecure(ctx.request, deps.publicUrl)
  const result = jsonResult(200, { twoFactorRedirect: true, twoFactorMethods: ['totp'] })
  result.cookies = [...clearedCookies(secure).slice(0, 2), twoFactorCookie(await deps.signer.sign(challenge.id), secure, TWO_FACTOR_MAX_AGE)]
  return result
}

/**
 * `POST /two-factor/verify-totp { code, trustDevice? }` (the client's `twoFactor.verifyTotp`): the
 * pending challenge from the signed cookie, answered by the core's `verifyMfa`. Right → `{ token,
 * user }` and the session cookie; wrong → 401 `INVALID_CODE`; after five wrong codes 400
 * `TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE`; no, a forged or a gone challenge → 401 `INVALID_TWO_FACTOR_COOKIE`.
 * `trustDevice` is accepted and ignored: every sign-in asks again.
 */
export async function verifyTotp(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const refused = checkOrigin(ctx.request, deps.trusted, false)
  if (refused) return refused
  const read = await readFields(ctx)
  if (!read.ok) return read.result
  const code = field(read.fields, 'code')
  if (typeof code !== 'string') return betterAuthError(400, 'VALIDATION_ERROR', typeof code === 'object' ? code.invalid : '[body.code] Invalid input: expected string, received undefined')
  const secure = isSecure(ctx.request, deps.publicUrl)
  const presented = ctx.cookies[cookieName(TWO_FACTOR, secure)] ?? ctx.cookies[cookieName(TWO_FACTOR, !secure)]
  const challengeId = presented === undefined ? undefined : await deps.signer.verify(presented)
  const badCookie = () => betterAuthError(401, 'INVALID_TWO_FACTOR_COOKIE', 'Invalid two factor cookie')
  if (challengeId === undefined) return badCookie()
  const outcome = await verifyMfa(ctx, { challengeId, code })
  if (!outcome.ok && outcome.error === 'invalid_mfa_code') return betterAuthError(401, 'INVALID_CODE', 'Invalid code')
  if (!outcome.ok) {
    const expired = twoFactorCookie('', secure, 0)
    const result = outcome.reason === 'too_many_attempts' ? betterAuthError(400, 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE', 'Too many attempts. Please request a new code.') : badCookie()
    result.cookies = [expired]
    return result
  }
  const opened = openSession(ctx, outcome.user, sessionLifetime(ctx))
  const result = jsonResult(200, { token: opened.refreshToken, user: betterAuthUser(ctx, outcome.user) })
  result.cookies = [...(await sessionCookies(ctx, deps, opened, true)), twoFactorCookie('', secure, 0)]
  return result
}
