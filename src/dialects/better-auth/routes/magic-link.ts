import { consumeMagicLink, openSession, requestMagicLink, jsonResult, type AuthResult, type RouteContext } from '../../../core/index.js'
import { field, isEmail, readFields, type BetterAuthDeps } from '../context.js'
import { betterAuthError } from '../errors.js'
import { sessionCookies } from '../new-session.js'
import { sessionLifetime } from '../session-lookup.js'
import { betterAuthSession, betterAuthUser } from '../shapes.js'
import { checkCallbackUrl, checkOrigin } from '../trusted-origins.js'
import { baseUrl, redirectTo, withQuery } from './mail-flows.js'

const CALLBACKS = ['callbackURL', 'newUserCallbackURL', 'errorCallbackURL'] as const

/**
 * `POST /sign-in/magic-link { email, name?, callbackURL?, newUserCallbackURL?, errorCallbackURL? }`
 * (the magic-link plugin's `signIn.magicLink`): `{ status: true }` and a mail linking to
 * `GET /magic-link/verify?token=&callbackURL=` with the callbacks carried in the link, as better-auth does.
 */
export async function signInMagicLink(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const refused = checkOrigin(ctx.request, deps.trusted, true)
  if (refused) return refused
  const read = await readFields(ctx)
  if (!read.ok) return read.result
  const email = field(read.fields, 'email')
  if (typeof email !== 'string') return betterAuthError(400, 'VALIDATION_ERROR', typeof email === 'object' ? email.invalid : '[body.email] Invalid input: expected string, received undefined')
  if (!isEmail(email)) return betterAuthError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address')
  const params: Record<string, string> = {}
  for (const name of CALLBACKS) {
    const value = field(read.fields, name)
    const bad = checkCallbackUrl(value, name, ctx.request, deps.trusted)
    if (bad) return bad
    if (typeof value === 'string' && value !== '') params[name] = value
  }
  const link = (token: string) => withQuery(`${baseUrl(ctx)}/magic-link/verify`, baseUrl(ctx), { token, callbackURL: params.callbackURL ?? '/', ...withoutCallback(params) })
  requestMagicLink(ctx, { email }, link)
  return jsonResult(200, { status: true })
}

function withoutCallback(params: Record<string, string>): Record<string, string> {
  const { callbackURL: _callback, ...rest } = params
  return rest
}

/**
 * `GET /magic-link/verify?token=&callbackURL=` (the mailed link, or `magicLink.verify`): signs in
 * (signing up a new address) and redirects to `newUserCallbackURL` or `callbackURL`; without a
 * `callbackURL`, the JSON `{ token, user, session }`. A bad token redirects to `errorCallbackURL`
 * (else `callbackURL`, else `/`) with `?error=INVALID_TOKEN`.
 */
export async function magicLinkVerify(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const query = new URL(ctx.request.url).searchParams
  const base = baseUrl(ctx)
  const callbackURL = new URL(query.get('callbackURL') || '/', base).href
  for (const name of CALLBACKS) {
    const bad = checkCallbackUrl(query.get(name) ?? undefined, name, ctx.request, deps.trusted)
    if (bad) return bad
  }
  const outcome = consumeMagicLink(ctx, query.get('token') ?? '', () => `user-${crypto.randomUUID()}`)
  if (!outcome.ok) return redirectTo(withQuery(query.get('errorCallbackURL') || callbackURL, base, { error: 'INVALID_TOKEN' }))
  const opened = openSession(ctx, outcome.user, sessionLifetime(ctx))
  const cookies = await sessionCookies(ctx, deps, opened, true)
  if (!query.get('callbackURL')) {
    const result = jsonResult(200, { token: opened.refreshToken, user: betterAuthUser(ctx, outcome.user), session: betterAuthSession(ctx, opened.session) })
    result.cookies = cookies
    return result
  }
  const newUser = query.get('newUserCallbackURL')
  return redirectTo(outcome.created && newUser ? new URL(newUser, base).href : callbackURL, cookies)
}
