import { jsonResult, type MountedProtocol, type Protocol, type ProtocolRoute, type RouteContext, type RouteTable } from '../core/kernel.js'
import type { ProviderOperation } from './context.js'
import { encodeProviderError } from './encode-error.js'
import { GITHUB_ROUTES } from './github/routes.js'
import { OIDC_ROUTES } from './oidc/routes.js'
import { PROVIDER_PREFIX, type ProviderProtocol } from './protocol.js'
import { providerContext } from './route-context.js'
import type { Provider } from './types.js'

/**
 * The providers as protocols the engine mounts (`EngineOptions.protocols`): one per provider at
 * `/oidc/<id>`, whatever the app's dialect, plus `/oidc` itself, which lists them and answers the
 * 404 for an unknown provider. The engine applies scenarios to them as to the dialect's routes.
 */
export function providerMounts(protocol: ProviderProtocol): MountedProtocol[] {
  const mounts: MountedProtocol[] = [...protocol.providers.values()].map((provider) => ({ path: `${PROVIDER_PREFIX}/${provider.id}`, protocol: asProtocol(protocol, provider) }))
  mounts.push({ path: PROVIDER_PREFIX, protocol: indexProtocol(protocol) })
  return mounts
}

function asProtocol(protocol: ProviderProtocol, provider: Provider): Protocol {
  const source = provider.kind === 'oidc' ? OIDC_ROUTES : GITHUB_ROUTES
  const routes: Record<string, Record<string, ProtocolRoute>> = {}
  for (const [path, route] of Object.entries(source)) {
    routes[path] = {}
    for (const [method, handler] of Object.entries(route.methods)) {
      routes[path][method] = { operation: route.operation, handle: (ctx: RouteContext) => handler(providerContext(protocol, provider, ctx)) }
    }
  }
  return {
    name: `provider:${provider.id}`,
    routes: routes as RouteTable,
    encodeError: (error, ctx) => encodeProviderError(provider, ctx.request, ctx.operation as ProviderOperation | undefined, error),
  }
}

/** `GET /oidc`: the providers, each with its issuer (discovery URL for OIDC) and accounts. */
function indexProtocol(protocol: ProviderProtocol): Protocol {
  const list = (ctx: RouteContext) => {
    const origin = new URL(ctx.request.url).origin
    return Promise.resolve(
      jsonResult(200, {
        providers: [...protocol.providers.values()].map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          issuer: `${origin}${PROVIDER_PREFIX}/${p.id}`,
          accounts: p.accounts.map((a) => ({ sub: a.sub, login: a.login, email: a.email, name: a.name })),
        })),
      }),
    )
  }
  const known = [...protocol.providers.keys()].map((id) => `${PROVIDER_PREFIX}/${id}`).join(', ')
  return {
    name: 'providers',
    routes: { '': { GET: { operation: 'providerDiscovery', handle: list } } } as RouteTable,
    encodeError: (error, ctx) =>
      error.code === 'not_found'
        ? jsonResult(404, { error: 'not_found', error_description: `No such identity provider. Providers: ${known}.` })
        : encodeProviderError(undefined, ctx.request, undefined, error),
  }
}
