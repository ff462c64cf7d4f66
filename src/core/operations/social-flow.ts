import { base64url } from '../base64url.js'
import { BoundedMap } from '../bounded-map.js'
import type { RouteContext } from '../context.js'
import type { SocialProvider } from '../social.js'
import { socialSignIn } from './social-sign-in.js'
import type { OpenedSession } from '../issue.js'
import type { TokenLifetimes } from '../scenario.js'

/**
 * A social sign-in on its way through the provider: what the callback needs, keyed by the
 * `state` sent to the provider (RFC 6749 §10.12: unguessable, single use, bound to this flow).
 * `data` is the dialect's own (e.g. better-auth's error callback URL), returned as given.
 */
export interface PendingSocial {
  providerId: string
  callbackUrl: string
  redirectUri: string
  /** The origin the provider was addressed on (its issuer is `<origin>/oidc/<id>`). */
  origin: string
  data: Record<string, string>
  expiresAt: number
}

const PENDING_KEY = 'mock-auth:social-flows'
const PENDING_TTL_MS = 600_000
const MAX_PENDING = 10_000

function pendingOf(ctx: RouteContext): BoundedMap<PendingSocial> {
  return ctx.state.protocolState(PENDING_KEY, () => new BoundedMap<PendingSocial>(MAX_PENDING))
}

/** The provider a route's `:provider` (or a body field) names, or the list of the known ones. */
export function findSocialProvider(ctx: RouteContext, id: string): { ok: true; provider: SocialProvider } | { ok: false; error: 'not_found'; description: string } {
  const provider = ctx.config.socialProviders.get(id)
  if (provider) return { ok: true, provider }
  const known = [...ctx.config.socialProviders.keys()]
  return { ok: false, error: 'not_found', description: known.length === 0 ? `No provider "${id}": this instance serves no identity providers.` : `No provider "${id}". Providers: ${known.join(', ')}.` }
}

export interface SocialStartInput {
  provider: SocialProvider
  /** Where the browser goes once signed in (already checked by the dialect against its origin rules). */
  callbackUrl: string
  /** The app's callback route the provider redirects to (`<base>/callback/<id>`). */
  redirectUri: string
  origin: string
  loginHint?: string
  data?: Record<string, string>
}

/**
 * The `socialSignIn` operation, first half: a fresh `state` is remembered for ten minutes and
 * the provider's authorization URL (code flow) is returned. Each dialect answers it in its own
 * form: a 302, `{ url }`, or better-auth's `{ url, redirect: true }`.
 */
export function startSocialSignIn(ctx: RouteContext, input: SocialStartInput): { url: string; state: string } {
  const state = base64url(ctx.random.bytes(24))
  const { provider, callbackUrl, redirectUri, origin, loginHint } = input
  pendingOf(ctx).set(state, { providerId: provider.id, callbackUrl, redirectUri, origin, data: input.data ?? {}, expiresAt: ctx.now + PENDING_TTL_MS })
  return { url: provider.authorizationUrl({ origin, redirectUri, state, ...(loginHint === undefined ? {} : { loginHint }) }), state }
}

/**
 * Why a social callback did not sign anyone in. `state`: no flow of ours (unknown, used or
 * expired state): there is no callback URL to return to. The others carry the flow:
 * `denied` (the provider redirected back with `error`, e.g. Deny's `access_denied`, RFC 6749
 * §4.1.2.1), `exchange` (the code exchange or user lookup failed, e.g. `provider-error`),
 * `refused` (the core signs nobody in on an unverified email).
 */
export type SocialCallbackFailure =
  | { ok: false; stage: 'state'; error: 'invalid_request'; description: string }
  | { ok: false; stage: 'denied' | 'exchange' | 'refused'; error: string; description: string; pending: PendingSocial }

export type SocialCallbackOutcome = ({ ok: true; pending: PendingSocial; created: boolean } & OpenedSession) | SocialCallbackFailure

/**
 * The `socialCallback` operation: the provider's redirect back (`code` and `state`, or
 * `error`). The state is spent first (single use), then the code is exchanged with the provider
 * in-process, and the profile's email signs its user in or creates one (`socialSignIn`). The
 * dialect turns the outcome into its session cookie and redirect, or its library's error answer;
 * `override` is the session's lifetimes when the dialect maps them (better-auth's `sessionLifetime`).
 */
export async function finishSocialSignIn(ctx: RouteContext, provider: SocialProvider, query: URLSearchParams, override?: TokenLifetimes): Promise<SocialCallbackOutcome> {
  const state = query.get('state') ?? ''
  const pending = pendingOf(ctx).get(state, ctx.now)
  if (!pending || pending.providerId !== provider.id) {
    return { ok: false, stage: 'state', error: 'invalid_request', description: `Unknown or expired state: start the sign-in again at /signin/${provider.id} (each state works once, for 10 minutes).` }
  }
  pendingOf(ctx).delete(state)
  const denied = query.get('error')
  if (denied !== null) return { ok: false, stage: 'denied', error: denied, description: query.get('error_description') ?? `The provider answered ${denied}.`, pending }
  const code = query.get('code')
  if (code === null || code === '') return { ok: false, stage: 'denied', error: 'invalid_request', description: 'The provider sent neither code nor error.', pending }
  const exchanged = await provider.exchange(ctx, { code, redirectUri: pending.redirectUri, origin: pending.origin })
  if (!exchanged.ok) return { ok: false, stage: 'exchange', error: exchanged.error, description: exchanged.description, pending }
  const outcome = socialSignIn(ctx, exchanged.profile, override)
  if (!outcome.ok) return { ok: false, stage: 'refused', error: outcome.error, description: `${provider.name} has not verified ${exchanged.profile.email}; it cannot sign in as its owner.`, pending }
  return { ...outcome, pending }
}
