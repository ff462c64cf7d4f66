import { emptyResult, errorResult, findSocialProvider, finishSocialSignIn, jsonResult, startSocialSignIn, type AuthResult, type RouteContext, type SocialProvider } from '../../../core/index.js'
import { pageUrl, redirect } from '../answers.js'
import type { NextAuthHandler } from '../context.js'
import { issueSessionCookie, sessionMaxAgeMs } from '../session-token.js'
import type { NextAuthWire } from '../wire.js'
import { missingCsrf } from './callback.js'
import { signInPage } from './pages.js'

/** The mock identity providers as `GET /providers` lists them (Google's `type`: v4 `oauth`, v5 `oidc`). */
export function oauthProviders(ctx: RouteContext, wire: NextAuthWire, base: string): Record<string, Record<string, string>> {
  const list: Record<string, Record<string, string>> = {}
  for (const p of ctx.config.socialProviders.values()) {
    list[p.id] = { id: p.id, name: p.name, type: p.kind === 'oidc' ? wire.oidcType : 'oauth', signinUrl: `${base}/signin/${p.id}`, callbackUrl: `${base}/callback/${p.id}` }
  }
  return list
}

function providerOf(ctx: RouteContext): SocialProvider | AuthResult {
  const found = findSocialProvider(ctx, ctx.params.provider ?? '')
  return found.ok ? found.provider : errorResult('not_found', { message: `${found.description} (GET ${ctx.config.basePath}/providers lists them.)` })
}

/**
 * `POST /signin/<id>` (form `csrfToken`, `callbackUrl`, v4 `json=true` or v5's
 * `X-Auth-Return-Redirect`; authorization params such as `login_hint` in the query): what
 * `signIn('google')` sends. The CSRF token must verify, as next-auth's `init()` requires for
 * every sign-in; then the answer is the redirect to the provider's authorization URL.
 */
export const oauthSignIn: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const provider = providerOf(ctx)
  if ('status' in provider) return provider
  const headers = ctx.request.headers
  if (!req.csrfVerified) return missingCsrf(kit, req, headers)
  const loginHint = new URL(ctx.request.url, req.origin).searchParams.get('login_hint') ?? undefined
  const { url } = startSocialSignIn(ctx, {
    provider,
    callbackUrl: req.callbackUrl,
    redirectUri: `${req.base}/callback/${provider.id}`,
    origin: req.origin,
    ...(loginHint === undefined ? {} : { loginHint }),
  })
  return redirect(kit.wire, req, headers, url, req.cookies)
}

/**
 * `GET /signin/<id>`: what a browser gets that follows a link there (next-auth/react never does;
 * it POSTs). As each version does (`NextAuthWire.signInGet`): v4 the sign-in page, with its CSRF and
 * callback-url cookies; v5 a 302 to `error?error=Configuration`, no cookies, or `{ url }` (200, no
 * `Location`) when `X-Auth-Return-Redirect` asks for JSON: its catch builds a fresh response.
 */
export const oauthSignInGet: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const answer = kit.wire.signInGet
  if (answer === 'page') return signInPage(ctx, req, kit)
  const url = pageUrl(req.base, answer.page, answer.params)
  return kit.wire.wantsJson(ctx.request.headers, req.fields) ? jsonResult(200, { url }) : emptyResult(302, { location: url })
}

/**
 * `GET|POST /callback/<id>?code&state` (or `?error=`): the provider's redirect back. A session
 * opens for the user the profile's email names (or a new one), with the same session cookie as
 * a credentials sign-in, then a 302 to the callback URL. A failure is a 302 to the page and
 * error this next-auth version uses for that stage (`NextAuthWire.oauthFailure`).
 */
export const oauthCallback: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const provider = providerOf(ctx)
  if ('status' in provider) return provider
  const params = new URL(ctx.request.url, req.origin).searchParams
  // A form_post response (RFC 6749 response_mode) carries them in the body instead.
  for (const name of ['code', 'state', 'error', 'error_description']) {
    const value = req.fields[name]
    if (!params.has(name) && typeof value === 'string') params.set(name, value)
  }
  const outcome = await finishSocialSignIn(ctx, provider, params)
  const browser = { get: () => null }
  if (!outcome.ok) {
    const answer = kit.wire.oauthFailure[outcome.stage]
    const result = redirect(kit.wire, req, browser, pageUrl(req.base, answer.page, answer.params), kit.wire.errorsKeepCookies ? req.cookies : [])
    result.error = outcome.error
    return result
  }
  const { cookie } = await issueSessionCookie(ctx, kit.jwe, req.names, outcome.user, outcome.session, sessionMaxAgeMs(ctx, 'sign-in'))
  return redirect(kit.wire, req, browser, outcome.pending.callbackUrl, [...req.cookies, cookie])
}
