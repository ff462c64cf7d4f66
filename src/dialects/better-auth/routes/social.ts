import { findSocialProvider, finishSocialSignIn, jsonResult, publicOrigin, startSocialSignIn, type AuthResult, type RouteContext } from '../../../core/index.js'
import { field, readFields, type BetterAuthDeps } from '../context.js'
import { betterAuthError } from '../errors.js'
import { sessionCookies } from '../new-session.js'
import { sessionLifetime } from '../session-lookup.js'
import { checkCallbackUrl, checkOrigin } from '../trusted-origins.js'
import { redirectTo, withQuery } from './mail-flows.js'

const CALLBACKS = ['callbackURL', 'errorCallbackURL', 'newUserCallbackURL'] as const

/** better-auth's `c.context.baseURL`: the app's origin (publicUrl, forwarded headers, the request's) and the base path. */
function baseOf(ctx: RouteContext): { origin: string; base: string } {
  const origin = publicOrigin(ctx.request, ctx.config.publicOrigin)
  return { origin, base: `${origin}${ctx.config.basePath}` }
}

/**
 * `POST /sign-in/social { provider, callbackURL?, errorCallbackURL?, newUserCallbackURL?,
 * disableRedirect?, loginHint? }` (the client's `signIn.social`): `{ url, redirect: true }` with
 * `Location` (or `redirect: false` with `disableRedirect`), the url being the mock provider's
 * authorization URL back to `/callback/<id>`. The Origin check and the callback URL checks are
 * better-auth's (`origin-check.mjs`); an unknown provider is its 404 `PROVIDER_NOT_FOUND`.
 */
export async function signInSocial(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const refused = checkOrigin(ctx.request, deps.trusted, true)
  if (refused) return refused
  const read = await readFields(ctx)
  if (!read.ok) return read.result
  const id = field(read.fields, 'provider')
  if (typeof id !== 'string') return betterAuthError(400, 'VALIDATION_ERROR', typeof id === 'object' ? id.invalid : '[body.provider] Invalid input: expected string, received undefined')
  const data: Record<string, string> = {}
  for (const name of CALLBACKS) {
    const value = field(read.fields, name)
    const bad = checkCallbackUrl(value, name, ctx.request, deps.trusted)
    if (bad) return bad
    if (typeof value === 'string' && value !== '') data[name] = value
  }
  const found = findSocialProvider(ctx, id)
  if (!found.ok) return betterAuthError(404, 'PROVIDER_NOT_FOUND', 'Provider not found')
  const { origin, base } = baseOf(ctx)
  const hint = field(read.fields, 'loginHint')
  const { url } = startSocialSignIn(ctx, {
    provider: found.provider,
    // generateState: `callbackURL || baseURL` (better-auth's own option: the app's origin).
    callbackUrl: data.callbackURL ?? origin,
    redirectUri: `${base}/callback/${found.provider.id}`,
    origin,
    data,
    ...(typeof hint === 'string' && hint !== '' ? { loginHint: hint } : {}),
  })
  const redirect = read.fields.disableRedirect !== true && read.fields.disableRedirect !== 'true'
  return jsonResult(200, { url, redirect }, redirect ? { location: url } : {})
}

/**
 * `GET /callback/<id>?code&state` (a POST is redirected to the GET with its fields, as
 * better-auth does for form_post): the session cookie, then 302 to `newUserCallbackURL` (a user
 * was created) or `callbackURL`. Failures redirect to `errorCallbackURL` (else `<base>/error`)
 * with better-auth's `?error=`: the provider's own (`access_denied` for Deny), `invalid_code`
 * for a failing token exchange, `state_mismatch` / `state_not_found`, and `account_not_linked`
 * for an unverified email (what better-auth says when such an email belongs to a user).
 */
export async function callbackSocial(ctx: RouteContext, deps: BetterAuthDeps): Promise<AuthResult> {
  const { base } = baseOf(ctx)
  const query = new URL(ctx.request.url).searchParams
  if (ctx.request.method.toUpperCase() === 'POST') {
    const read = await readFields(ctx)
    const params = new URLSearchParams()
    for (const name of ['code', 'error', 'device_id', 'error_description', 'state', 'user', 'iss']) {
      const value = query.get(name) ?? (read.ok && typeof read.fields[name] === 'string' ? (read.fields[name] as string) : undefined)
      if (value !== undefined) params.set(name, value)
    }
    return redirectTo(`${base}/callback/${ctx.params.provider ?? ''}?${params}`)
  }
  const errorPage = `${base}/error`
  const fail = (to: string, error: string, description?: string) => {
    const result = redirectTo(withQuery(to, base, description === undefined ? { error } : { error, error_description: description }))
    result.error = error
    return result
  }
  if (!query.get('state')) return fail(errorPage, 'state_not_found')
  const found = findSocialProvider(ctx, ctx.params.provider ?? '')
  if (!found.ok) return fail(errorPage, 'oauth_provider_not_found')
  const outcome = await finishSocialSignIn(ctx, found.provider, query, sessionLifetime(ctx))
  if (!outcome.ok) {
    if (outcome.stage === 'state') return fail(errorPage, 'state_mismatch')
    const to = outcome.pending.data.errorCallbackURL ?? errorPage
    if (outcome.stage === 'denied') return fail(to, outcome.error, query.get('error_description') ?? undefined)
    return fail(to, outcome.stage === 'exchange' ? 'invalid_code' : 'account_not_linked')
  }
  const cookies = await sessionCookies(ctx, deps, outcome, true)
  const target = (outcome.created ? outcome.pending.data.newUserCallbackURL : undefined) ?? outcome.pending.callbackUrl
  return redirectTo(target, cookies)
}

/** `GET /error?error=`: better-auth's error page, which a failed social sign-in lands on without an `errorCallbackURL`. */
export async function errorPage(ctx: RouteContext): Promise<AuthResult> {
  const error = new URL(ctx.request.url).searchParams.get('error') ?? 'unknown'
  const safe = error.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    cookies: [],
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error (mock-auth, better-auth)</title></head><body>\n<h1>Something went wrong</h1><p data-error="${safe}">${safe}</p>\n</body></html>\n`,
  }
}
