import { forgotPassword, resendVerification, resetPassword, verifyEmail, emptyResult, jsonResult, type AuthResult, type RouteContext } from '../../../core/index.js'
import { field, readFields, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type BetterAuthDeps } from '../context.js'
import { betterAuthError } from '../errors.js'
import { checkCallbackUrl, checkOrigin } from '../trusted-origins.js'

/** better-auth's own base URL for links it mails: the origin asked plus the base path. */
export function baseUrl(ctx: RouteContext): string {
  return `${new URL(ctx.request.url).origin}${ctx.config.basePath}`
}

/** A redirect better-auth makes (`ctx.redirect`): 302 with `Location`, no body. */
export function redirectTo(location: string, cookies: string[] = []): AuthResult {
  const result = emptyResult(302, { location })
  result.cookies = cookies
  return result
}

/** `url` (resolved against `base`) with query parameters added. */
export function withQuery(url: string, base: string, params: Record<string, string>): string {
  const out = new URL(url, base)
  for (const [name, value] of Object.entries(params)) out.searchParams.set(name, value)
  return out.href
}

/** A field that must be a string when present; better-auth's zod wording otherwise. */
function optionalString(fields: Record<string, unknown>, name: string): { ok: true; value: string | undefined } | { ok: false; result: AuthResult } {
  const value = field(fields, name)
  if (typeof value === 'object') return { ok: false, result: betterAuthError(400, 'VALIDATION_ERROR', value.invalid) }
  return { ok: true, value: value === '' ? undefined : value }
}

async function guardedFields(ctx: RouteContext, deps: BetterAuthDeps, required: string) {
  const refused = checkOrigin(ctx.request, deps.trusted, false)
  if (refused) return { ok: false as const, result: refused }
  const read = await readFields(ctx)
  if (!read.ok) return read
  const value = field(read.fields, required)
  if (typeof value !== 'string' || value === '') {
    const why = typeof value === 'object' ? value.invalid : `[body.${required}] Invalid input: expected string, received undefined`
    return { ok: false as const, result: betterAuthError(400, 'VALIDATION_ERROR', why) }
  }
  return { ok: true as const, fields: read.fields, value }
}

/**
 * `POST /request-password-reset { email, redirectTo? }` (the client's `requestPasswordReset`):
 * always `{ status: true, message }`. The mail links to `GET /reset-password/<token>?callbackURL=`.
 */
export async function requestPasswordReset(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const read = await guardedFields(ctx, deps, 'email')
  if (!read.ok) return read.result
  const to = optionalString(read.fields, 'redirectTo')
  if (!to.ok) return to.result
  if (checkCallbackUrl(to.value, 'callbackURL', ctx.request, deps.trusted)) return betterAuthError(403, 'INVALID_REDIRECT_URL', 'Invalid redirectURL')
  const callbackURL = to.value === undefined ? '' : encodeURIComponent(to.value)
  forgotPassword(ctx, read.value, (token) => `${baseUrl(ctx)}/reset-password/${token}?callbackURL=${callbackURL}`)
  return jsonResult(200, { status: true, message: 'If this email exists in our system, check your email for the reset link' })
}

/**
 * `GET /reset-password/:token?callbackURL=`: the mailed link. A live token redirects to
 * `callbackURL?token=` (the app's page posts it back), any other to `callbackURL?error=INVALID_TOKEN`.
 * The token is not used up here.
 */
export async function resetPasswordCallback(ctx: RouteContext): Promise<AuthResult> {
  const callbackURL = new URL(ctx.request.url).searchParams.get('callbackURL')
  if (!callbackURL) return betterAuthError(400, 'VALIDATION_ERROR', '[query.callbackURL] Invalid input: expected string, received undefined')
  const token = ctx.params.token ?? ''
  const live = ctx.state.account.tokens.peek('reset-password', token, ctx.now)
  return redirectTo(withQuery(callbackURL, baseUrl(ctx), live ? { token } : { error: 'INVALID_TOKEN' }))
}

/** `POST /reset-password { newPassword, token }` (the client's `resetPassword`): `{ status: true }`; 400 `INVALID_TOKEN`. */
export async function resetPasswordRoute(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const read = await guardedFields(ctx, deps, 'newPassword')
  if (!read.ok) return read.result
  const token = optionalString(read.fields, 'token')
  if (!token.ok) return token.result
  const presented = token.value ?? new URL(ctx.request.url).searchParams.get('token') ?? undefined
  if (!presented) return betterAuthError(400, 'INVALID_TOKEN', 'Invalid token')
  if (read.value.length < MIN_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_SHORT', 'Password too short')
  if (read.value.length > MAX_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_LONG', 'Password too long')
  const outcome = resetPassword(ctx, { token: presented, password: read.value })
  if (!outcome.ok) return betterAuthError(400, 'INVALID_TOKEN', 'Invalid token')
  return jsonResult(200, { status: true })
}

/**
 * `POST /send-verification-email { email, callbackURL? }` (the client's `sendVerificationEmail`):
 * always `{ status: true }`; a mail only for a known unverified address, linking to
 * `GET /verify-email?token=&callbackURL=`.
 */
export async function sendVerificationEmail(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const read = await guardedFields(ctx, deps, 'email')
  if (!read.ok) return read.result
  const callback = optionalString(read.fields, 'callbackURL')
  if (!callback.ok) return callback.result
  const bad = checkCallbackUrl(callback.value, 'callbackURL', ctx.request, deps.trusted)
  if (bad) return bad
  const callbackURL = encodeURIComponent(callback.value ?? '/')
  resendVerification(ctx, read.value, (token) => `${baseUrl(ctx)}/verify-email?token=${token}&callbackURL=${callbackURL}`)
  return jsonResult(200, { status: true })
}

/**
 * `GET /verify-email?token=&callbackURL=` (the mailed link, or the client's `verifyEmail`): verifies
 * and redirects to `callbackURL`, or answers `{ status: true, user: null }`; a bad token redirects
 * with `?error=INVALID_TOKEN`, or answers 401 `INVALID_TOKEN`.
 */
export async function verifyEmailRoute(ctx: RouteContext): Promise<AuthResult> {
  const query = new URL(ctx.request.url).searchParams
  const callbackURL = query.get('callbackURL')
  const outcome = verifyEmail(ctx, query.get('token') ?? '')
  if (!outcome.ok) return callbackURL ? redirectTo(withQuery(callbackURL, baseUrl(ctx), { error: 'INVALID_TOKEN' })) : betterAuthError(401, 'INVALID_TOKEN', 'Invalid token')
  return callbackURL ? redirectTo(new URL(callbackURL, baseUrl(ctx)).href) : jsonResult(200, { status: true, user: null })
}
