import type { RouteContext } from '../core/index.js'
import type { ProviderContext } from './context.js'
import type { ProviderProtocol } from './protocol.js'
import type { ProviderState } from './provider-state.js'
import type { Provider } from './types.js'

/** The key of the providers' state in each namespace (`NamespaceState.protocolState`). */
export const PROVIDER_STATE_KEY = 'mock-auth:providers'

/** This namespace's provider state, made on first use and dropped by the namespace's reset. */
export function providerStateOf(protocol: ProviderProtocol, ctx: RouteContext): ProviderState {
  return ctx.state.protocolState(PROVIDER_STATE_KEY, () => protocol.createState())
}

/** A provider route's context from the engine's: its namespace state, clock and scenario claims. */
export function providerContext(protocol: ProviderProtocol, provider: Provider, ctx: RouteContext, url: URL = new URL(ctx.request.url)): ProviderContext {
  return {
    request: ctx.request,
    url,
    provider,
    issuer: `${url.origin}/oidc/${provider.id}`,
    state: providerStateOf(protocol, ctx),
    keys: () => protocol.keys(),
    sha256: protocol.sha256,
    random: ctx.random,
    now: ctx.now,
    claims: ctx.scenario.providerClaims,
  }
}
