import { emptyResult, pathnameOf, type AuthRequest, type AuthResult } from '../core/kernel.js'
import { RandomPool } from '../core/random-pool.js'
import type { ProviderContext, ProviderOperation, ProviderRoute } from './context.js'
import { encodeProviderError } from './encode-error.js'
import { GITHUB_ROUTES } from './github/routes.js'
import { resolveProviders } from './normalize.js'
import { oauthError } from './oauth-errors.js'
import { OIDC_ROUTES } from './oidc/routes.js'
import { webSha256, type ProviderCrypto, type Sha256Fn } from './provider-crypto.js'
import type { ProviderKeys } from './provider-keys.js'
import { ProviderState } from './provider-state.js'
import type { Provider, ProviderInput } from './types.js'

/** Every provider lives at `{origin}/oidc/<id>`, whatever the app's dialect or base path. */
export const PROVIDER_PREFIX = '/oidc'

/** What the engine hands a provider request: this namespace's provider state, its clock, the scenario's data. */
export interface ProviderEnv {
  state: ProviderState
  now: number
  /** The scenario's `providerClaims`, laid over every account's claims. */
  claims?: Readonly<Record<string, unknown>> | undefined
}

export interface ProviderMatch {
  provider: Provider
  route: ProviderRoute
  operation: ProviderOperation
  issuer: string
  url: URL
}

export type MatchResult = { ok: true; match: ProviderMatch } | { ok: false; result: AuthResult }

/**
 * The mock identity providers as one protocol the engine is given: a route table per dialect
 * (`oidc/`, `github/`) over pure functions of a Fetch-style request and the namespace's provider
 * state. Keys and randomness are owned per instance; nothing is module-level.
 */
export class ProviderProtocol {
  readonly providers: ReadonlyMap<string, Provider>
  readonly sha256: Sha256Fn
  readonly #random = new RandomPool()
  readonly #rsaSigner: ProviderCrypto['rsaSigner']
  #keys: Promise<ProviderKeys> | undefined

  constructor(inputs: readonly ProviderInput[] | readonly unknown[] = [], platform: ProviderCrypto = {}) {
    this.providers = resolveProviders(inputs)
    this.sha256 = platform.sha256 ?? webSha256
    this.#rsaSigner = platform.rsaSigner
  }

  /** The providers' signing keys, made on first use (RSA generation costs tens of milliseconds). */
  keys(): Promise<ProviderKeys> {
    // jose and the RSA key load with the first request that signs, not with every engine.
    this.#keys ??= import('./provider-keys.js').then((m) => m.createProviderKeys(this.#rsaSigner))
    return this.#keys
  }

  /** A fresh per-namespace state for these providers. */
  createState(): ProviderState {
    return new ProviderState()
  }

  /** undefined when the request is not under `/oidc/`; else its route, or a 404 answer naming the providers. */
  match(request: AuthRequest): MatchResult | undefined {
    const pathname = pathnameOf(request.url)
    if (!pathname.startsWith(`${PROVIDER_PREFIX}/`)) return undefined
    const rest = pathname.slice(PROVIDER_PREFIX.length + 1)
    const slash = rest.indexOf('/')
    const id = slash === -1 ? rest : rest.slice(0, slash)
    const path = slash === -1 ? '' : rest.slice(slash).replace(/\/+$/, '')
    const provider = this.providers.get(id)
    const known = [...this.providers.keys()].map((p) => `${PROVIDER_PREFIX}/${p}`).join(', ')
    if (!provider) return { ok: false, result: notFound(`No identity provider "${id}". Providers: ${known}.`) }
    const routes = provider.kind === 'oidc' ? OIDC_ROUTES : GITHUB_ROUTES
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined
    if (!route) return { ok: false, result: notFound(`No route ${path || '/'} on the ${provider.name} mock; it serves ${Object.keys(routes).join(', ')} under ${PROVIDER_PREFIX}/${id}.`) }
    const url = new URL(request.url)
    return { ok: true, match: { provider, route, operation: route.operation, issuer: `${url.origin}${PROVIDER_PREFIX}/${id}`, url } }
  }

  /** Runs a matched request: OPTIONS and 405 + `Allow` for every route, then its handler. */
  async handle(request: AuthRequest, match: ProviderMatch, env: ProviderEnv): Promise<AuthResult> {
    const method = request.method.toUpperCase()
    const methods = match.route.methods
    const allow = [...Object.keys(methods), 'OPTIONS'].join(', ')
    if (method === 'OPTIONS') return emptyResult(204, { allow })
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined
    if (!handler) return oauthError('invalid_request', `${method} is not allowed here; use ${Object.keys(methods).join(' or ')}.`, 405, { allow })
    return handler(this.#context(request, match, env))
  }

  /** A request from start to end: match, then handle (null when it is not a provider request). */
  async fetch(request: AuthRequest, env: ProviderEnv): Promise<AuthResult | null> {
    const matched = this.match(request)
    if (!matched) return null
    if (!matched.ok) return matched.result
    return this.handle(request, matched.match, env)
  }

  /** A scenario's canned error (or a 404/405) as this provider's wire answer; see `encodeProviderError`. */
  encodeError(request: AuthRequest, match: ProviderMatch, code: string, message?: string): AuthResult {
    return encodeProviderError(match.provider, request, match.operation, { code, ...(message === undefined ? {} : { message }) })
  }

  #context(request: AuthRequest, match: ProviderMatch, env: ProviderEnv): ProviderContext {
    return { request, url: match.url, provider: match.provider, issuer: match.issuer, state: env.state, keys: () => this.keys(), sha256: this.sha256, random: this.#random, now: env.now, claims: env.claims }
  }
}

function notFound(message: string): AuthResult {
  return oauthError('invalid_request', message, 404)
}

export function createProviderProtocol(inputs: readonly ProviderInput[] | readonly unknown[] = [], platform: ProviderCrypto = {}): ProviderProtocol {
  return new ProviderProtocol(inputs, platform)
}
