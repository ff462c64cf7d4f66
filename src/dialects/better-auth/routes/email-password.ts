import { jsonResult, passwordSignIn, registerUser, type AuthResult, type OpenedSession, type RouteContext } from '../../../core/index.js'
import { readFields, field, isEmail, requiredFields, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type BetterAuthDeps } from '../context.js'
import { betterAuthError, encodeBetterAuthError } from '../errors.js'
import { sessionCookies } from '../new-session.js'
import { sessionLifetime } from '../session-lookup.js'
import { betterAuthUser } from '../shapes.js'
import { checkCallbackUrl, checkOrigin } from '../trusted-origins.js'
import { twoFactorRedirect } from './two-factor.js'

const validation = (message: string) => betterAuthError(400, 'VALIDATION_ERROR', message)


/** Shared by both: the CSRF defence for a first login, then the callback URLs, then the body. */
async function guarded(ctx: RouteContext, deps: BetterAuthDeps) {
  const refused = checkOrigin(ctx.request, deps.trusted, true)
  if (refused) return { ok: false as const, result: refused }
  const read = await readFields(ctx)
  if (!read.ok) return read
  for (const name of ['callbackURL', 'errorCallbackURL', 'newUserCallbackURL'] as const) {
    const bad = checkCallbackUrl(read.fields[name], name, ctx.request, deps.trusted)
    if (bad) return { ok: false as const, result: bad }
  }
  return read
}

/** `POST /sign-in/email { email, password, callbackURL?, rememberMe? }` → `{ redirect, token, url?, user }` and the session cookie. */
export async function signInEmail(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const read = await guarded(ctx, deps)
  if (!read.ok) return read.result
  const required = requiredFields(read.fields, ['email', 'password'] as const)
  if (!required.ok) return validation(required.message)
  const { email, password } = required.values
  if (!isEmail(email)) return betterAuthError(400, 'INVALID_EMAIL', 'Invalid email')
  const outcome = passwordSignIn(ctx, { login: email, password }, sessionLifetime(ctx))
  // A second factor is better-auth's twoFactor plugin's business: 200 with `twoFactorRedirect`, no session, its cookie.
  if (!outcome.ok && outcome.error === 'mfa_required') return twoFactorRedirect(ctx, deps, outcome.challenge)
  if (!outcome.ok) return encodeBetterAuthError({ code: outcome.error })
  const callbackURL = field(read.fields, 'callbackURL')
  const url = typeof callbackURL === 'string' && callbackURL !== '' ? callbackURL : undefined
  // Two literals, not a spread of `{ url }` between keys: V8 takes a slow path for a spread followed by more keys.
  const user = betterAuthUser(ctx, outcome.user)
  const body = url === undefined ? { redirect: false, token: outcome.refreshToken, user } : { redirect: true, token: outcome.refreshToken, url, user }
  const result = jsonResult(200, body, url === undefined ? {} : { location: url })
  result.cookies = await sessionCookies(ctx, deps, outcome, read.fields.rememberMe !== false && read.fields.rememberMe !== 'false')
  return result
}

/** `POST /sign-up/email { email, password, name, image?, callbackURL? }` → `{ token, user }` and the session cookie. */
export async function signUpEmail(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const read = await guarded(ctx, deps)
  if (!read.ok) return read.result
  const required = requiredFields(read.fields, ['name', 'email', 'password'] as const)
  const problems = required.ok ? [] : [required.message]
  const email = field(read.fields, 'email')
  if (typeof email === 'string' && !isEmail(email)) problems.unshift('[body.email] Invalid email address')
  if (problems.length > 0 || !required.ok) return validation(problems.join('; '))
  const { name, password } = required.values
  if (name.length > MAX_NAME_LENGTH) return validation(`[body.name] Too big: expected string to have <=${MAX_NAME_LENGTH} characters`)
  if (password.length < MIN_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_SHORT', 'Password too short')
  if (password.length > MAX_PASSWORD_LENGTH) return betterAuthError(400, 'PASSWORD_TOO_LONG', 'Password too long')
  // better-auth keys users by email; the username is the email, so the REST routes find the same user.
  const link = (token: string) => `${new URL(ctx.request.url).origin}${ctx.config.basePath}/verify-email?token=${encodeURIComponent(token)}`
  const outcome = registerUser(ctx, { username: required.values.email, email: required.values.email, password, name }, link, sessionLifetime(ctx))
  if (!outcome.ok) return encodeBetterAuthError({ code: outcome.error })
  // better-auth with `requireEmailVerification`: the user exists, no session, `token: null`.
  if (outcome.verificationRequired) return jsonResult(200, { token: null, user: betterAuthUser(ctx, outcome.user) })
  const result = jsonResult(200, { token: outcome.refreshToken, user: betterAuthUser(ctx, outcome.user) })
  result.cookies = await sessionCookies(ctx, deps, outcome, true)
  return result
}
