import { BoundedMap } from '../../../core/bounded-map.js'
import {
  emptyResult,
  errorResult,
  issueAccessToken,
  jsonResult,
  socialSignIn,
  type AuthResult,
  type RouteContext,
  type SocialProvider,
} from '../../../core/index.js'
import { base64url } from '../../../core/base64url.js'
import { parseBody } from '../../../core/parse-body.js'

/** A social sign-in on its way through the provider: what the callback needs, keyed by `state`. */
interface Pending {
  providerId: string
  callbackUrl: string
  redirectUri: string
  expiresAt: number
}

const PENDING_KEY = 'mock-auth:rest-social'
const PENDING_TTL_MS = 600_000
const MAX_PENDING = 10_000

function pendingOf(ctx: RouteContext): BoundedMap<Pending> {
  return ctx.state.protocolState(PENDING_KEY, () => new BoundedMap<Pending>(MAX_PENDING))
}

function providerOf(ctx: RouteContext): SocialProvider | AuthResult {
  const id = ctx.params.provider ?? ''
  const provider = ctx.config.socialProviders.get(id)
  if (provider) return provider
  return errorResult('not_found', { message: `No provider "${id}". Providers: ${[...ctx.config.socialProviders.keys()].join(', ')} (GET ${ctx.config.basePath}/providers).` })
}

const origin = (ctx: RouteContext) => new URL(ctx.request.url).origin

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
  const state = base64url(ctx.random.bytes(24))
  const redirectUri = `${origin(ctx)}${ctx.config.basePath}/callback/${provider.id}`
  pendingOf(ctx).set(state, { providerId: provider.id, callbackUrl: target, redirectUri, expiresAt: ctx.now + PENDING_TTL_MS })
  const location = provider.authorizationUrl({ origin: origin(ctx), redirectUri, state, ...(loginHint === undefined ? {} : { loginHint }) })
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
  const query = new URL(ctx.request.url).searchParams
  const state = query.get('state') ?? ''
  const pending = pendingOf(ctx).get(state, ctx.now)
  if (!pending || pending.providerId !== provider.id) {
    return errorResult('invalid_request', { message: 'Unknown or expired state: start the sign-in again from /signin/<provider> (each state works once, for 10 minutes).' })
  }
  pendingOf(ctx).delete(state)
  const back = (error: string, description: string) => emptyResult(302, { location: withParams(pending.callbackUrl, { error, error_description: description }) })
  const denied = query.get('error')
  if (denied !== null) return back(denied, query.get('error_description') ?? `The provider answered ${denied}.`)
  const code = query.get('code')
  if (code === null || code === '') return back('invalid_request', 'The provider sent neither code nor error.')
  const exchanged = await provider.exchange(ctx, { code, redirectUri: pending.redirectUri, origin: origin(ctx) })
  if (!exchanged.ok) return back(exchanged.error, exchanged.description)
  const outcome = socialSignIn(ctx, exchanged.profile)
  if (!outcome.ok) return back(outcome.error, `${provider.name} has not verified ${exchanged.profile.email}; it cannot sign in as its owner.`)
  const access = await issueAccessToken(ctx, outcome.user, outcome.session, outcome.accessMs)
  const result = emptyResult(302, { location: pending.callbackUrl })
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
