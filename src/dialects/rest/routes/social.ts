import {
  emptyResult,
  errorResult,
  findSocialProvider,
  finishSocialSignIn,
  issueAccessToken,
  jsonResult,
  publicOrigin,
  startSocialSignIn,
  type AuthResult,
  type RouteContext,
  type SocialProvider,
} from '../../../core/index.js'
import { parseBody } from '../../../core/parse-body.js'

function providerOf(ctx: RouteContext): SocialProvider | AuthResult {
  const found = findSocialProvider(ctx, ctx.params.provider ?? '')
  if (found.ok) return found.provider
  return errorResult('not_found', { message: `${found.description} (GET ${ctx.config.basePath}/providers)` })
}

/** The app's origin as the browser sees it (publicUrl, X-Forwarded-Proto/Host behind a proxy, else the request's): provider and callback URLs are built on it. */
const origin = (ctx: RouteContext) => publicOrigin(ctx.request, ctx.config.publicOrigin)

/** `GET /api/auth/providers`: `{ [id]: { id, name, type, signinUrl, callbackUrl } }`, the shape Auth.js answers. */
export async function providers(ctx: RouteContext): Promise<AuthResult> {
  const base = `${origin(ctx)}${ctx.config.basePath}`
  const list: Record<string, unknown> = {}
  for (const p of ctx.config.socialProviders.values()) {
    list[p.id] = { id: p.id, name: p.name, type: p.kind === 'oidc' ? 'oidc' : 'oauth', signinUrl: `${base}/signin/${p.id}`, callbackUrl: `${base}/callback/${p.id}` }
  }
  return jsonResult(200, list)
}

/**
 * `GET /api/auth/signin/<id>?callbackUrl=...` (302 to the provider) and `POST` (`{ url }` for
 * fetch clients, `callbackUrl` in the body or query). `callbackUrl` must stay on this origin: the
 * mock is no open redirector (RFC 9700 §4.11).
 */
export async function socialStart(ctx: RouteContext): Promise<AuthResult> {
  const provider = providerOf(ctx)
  if ('status' in provider) return provider
  const url = new URL(ctx.request.url)
  let callbackUrl = url.searchParams.get('callbackUrl') ?? undefined
  let loginHint = url.searchParams.get('login_hint') ?? undefined
  const post = ctx.request.method.toUpperCase() === 'POST'
  if (post) {
    const body = await parseBody(ctx.request)
    if (!body.ok) return body.result
    if (typeof body.fields.callbackUrl === 'string') callbackUrl = body.fields.callbackUrl
    if (typeof body.fields.loginHint === 'string') loginHint = body.fields.loginHint
  }
  const target = sameOrigin(ctx, callbackUrl ?? '/')
  if (target === undefined) return errorResult('invalid_request', { message: `callbackUrl "${callbackUrl}" must be a path or a URL on ${origin(ctx)}.` })
  const redirectUri = `${origin(ctx)}${ctx.config.basePath}/callback/${provider.id}`
  const { url: location } = startSocialSignIn(ctx, { provider, callbackUrl: target, redirectUri, origin: origin(ctx), ...(loginHint === undefined ? {} : { loginHint }) })
  return post ? jsonResult(200, { url: location }) : emptyResult(302, { location })
}

/**
 * `GET /api/auth/callback/<id>?code&state`: the code is exchanged with the provider, the profile's
 * email signs its user in (or creates one), and the answer sets the same cookies as a password
 * sign-in, then 302 to `callbackUrl`. A refusal (Deny, a failing provider, an unverified email)
 * also returns to `callbackUrl`, with `?error=<code>&error_description=...`.
 */
export async function socialCallback(ctx: RouteContext): Promise<AuthResult> {
  const provider = providerOf(ctx)
  if ('status' in provider) return provider
  const outcome = await finishSocialSignIn(ctx, provider, new URL(ctx.request.url).searchParams)
  if (!outcome.ok && outcome.stage === 'state') return errorResult('invalid_request', { message: outcome.description })
  if (!outcome.ok) return emptyResult(302, { location: withParams(outcome.pending.callbackUrl, { error: outcome.error, error_description: outcome.description }) })
  const access = await issueAccessToken(ctx, outcome.user, outcome.session, outcome.accessMs)
  const result = emptyResult(302, { location: outcome.pending.callbackUrl })
  result.cookies = ctx.config.cookies.issue(access.token, outcome.refreshToken)
  return result
}

/** A callback URL on this origin, as given (relative stays relative); undefined for another origin. */
function sameOrigin(ctx: RouteContext, value: string): string | undefined {
  try {
    const here = origin(ctx)
    const url = new URL(value, here)
    if (url.origin !== here) return undefined
    return value.startsWith('/') && !value.startsWith('//') ? url.pathname + url.search + url.hash : url.href
  } catch {
    return undefined
  }
}

function withParams(target: string, params: Record<string, string>): string {
  const relative = target.startsWith('/')
  const url = new URL(target, 'http://relative.invalid')
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return relative ? url.pathname + url.search + url.hash : url.href
}
