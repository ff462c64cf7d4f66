import { resolveConfig, type EngineConfig, type EngineOptions } from './config.js'
import type { RouteContext } from './context.js'
import { readCookies } from './cookies.js'
import { parseDuration } from './duration.js'
import { createKeySet, withSigner, type KeySet } from './keys.js'
import { RandomPool } from './random-pool.js'
import { pathnameOf, type AuthRequest } from './request.js'
import { emptyResult, errorResult, type AuthResult } from './result.js'
import { allowedMethods, AUTH_PATHS, isAuthPath, ROUTE_FNS, WELL_KNOWN_JWKS_PATH, type AuthPath } from './route-table.js'
import { scenarioResponse, type RouteName, type Scenario } from './scenario.js'
import { NamespaceState } from './state.js'
import { VerifiedCache, type TokenSettings } from './tokens.js'

export const NAMESPACE_HEADER = 'x-mock-auth-namespace'
export const NAMESPACE_COOKIE = 'mock-auth-namespace'
export const SCENARIO_HEADER = 'x-mock-auth-scenario'
export const SCENARIO_COOKIE = 'mock-auth-scenario'
export const DEFAULT_NAMESPACE = 'default'

/**
 * The auth engine: Fetch-style requests in, `AuthResult` out. Keys, clock, store and scenarios are
 * all injected or owned per instance; adapters (Express, MSW, Playwright) only translate.
 */
export class Engine {
  readonly config: EngineConfig
  readonly tokens: TokenSettings
  readonly #namespaces = new Map<string, NamespaceState>()
  readonly #cache = new VerifiedCache()
  readonly #random = new RandomPool()
  #keys: Promise<KeySet>
  #lastUsed: string | undefined

  constructor(options: EngineOptions) {
    this.config = resolveConfig(options)
    this.tokens = { issuer: this.config.issuer, audience: this.config.audience, clockToleranceSeconds: this.config.clockToleranceSeconds }
    const keys = Promise.resolve(options.keys ?? createKeySet(options.keyOptions))
    const signer = options.signer
    this.#keys = signer ? keys.then((k) => withSigner(k, signer)) : keys
    // Surface a bad key option once, where it is awaited, not as an unhandled rejection.
    this.#keys.catch(() => undefined)
  }

  keys(): Promise<KeySet> {
    return this.#keys
  }

  /**
   * A namespace's state, created on first use. At most `maxNamespaces` live besides `default`,
   * which is never forgotten: the `Map` keeps them in order of last use (a used one moves to the
   * end), and making one more forgets the least recently used.
   */
  namespace(name: string = DEFAULT_NAMESPACE): NamespaceState {
    const namespaces = this.#namespaces
    let state = namespaces.get(name)
    if (state) {
      if (name !== this.#lastUsed) {
        namespaces.delete(name)
        namespaces.set(name, state)
        this.#lastUsed = name
      }
      return state
    }
    const others = namespaces.size - (namespaces.has(DEFAULT_NAMESPACE) ? 1 : 0)
    if (name !== DEFAULT_NAMESPACE && others >= this.config.maxNamespaces) this.#forgetLeastRecent()
    state = new NamespaceState(name, this.config)
    namespaces.set(name, state)
    this.#lastUsed = name
    return state
  }

  #forgetLeastRecent(): void {
    for (const name of this.#namespaces.keys()) {
      if (name === DEFAULT_NAMESPACE) continue
      this.#namespaces.delete(name)
      return
    }
  }

  namespaces(): string[] {
    return [...this.#namespaces.keys()]
  }

  /** Forgets a namespace and everything in it (a finished isolated test's); false if it did not exist. */
  dropNamespace(name: string): boolean {
    return this.#namespaces.delete(name)
  }

  /** Every namespace back to its start; keys stay, so tokens verified elsewhere keep verifying. */
  reset(): void {
    for (const state of this.#namespaces.values()) state.reset()
    this.#cache.clear()
  }

  /** The path under the base path, `WELL_KNOWN_JWKS_PATH`, or undefined when the request is not ours. */
  routePath(url: string): AuthPath | typeof WELL_KNOWN_JWKS_PATH | undefined {
    const pathname = pathnameOf(url)
    if (pathname === WELL_KNOWN_JWKS_PATH) return WELL_KNOWN_JWKS_PATH
    const base = this.config.basePath
    if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined
    const rest = pathname.slice(base.length).replace(/\/+$/, '')
    return isAuthPath(rest) ? rest : (rest as AuthPath)
  }

  /**
   * Answers any request: null when it is outside the base path (the adapter passes it on), 404
   * `not_found` for an unknown path under it.
   */
  async fetch(request: AuthRequest): Promise<AuthResult | null> {
    const path = this.routePath(request.url)
    if (path === undefined) return null
    if (path === WELL_KNOWN_JWKS_PATH) return this.#run(request, 'jwks', false)
    if (!isAuthPath(path)) return errorResult('not_found', { message: `No route ${request.method} ${pathnameOf(request.url)}. Routes live under ${this.config.basePath || '/'}.` })
    return this.dispatch(request, path)
  }

  /** Answers a request already matched to a path under the base path (what each MSW handler calls). */
  async dispatch(request: AuthRequest, path: AuthPath): Promise<AuthResult> {
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') return emptyResult(204, { allow: allowedMethods(path) })
    const route = (AUTH_PATHS[path] as Partial<Record<string, RouteName>>)[method]
    if (!route) {
      return errorResult('method_not_allowed', {
        message: `${method} is not allowed on ${this.config.basePath}${path}; use ${Object.keys(AUTH_PATHS[path]).join(' or ')}.`,
        headers: { allow: allowedMethods(path) },
      })
    }
    return this.#run(request, route, true)
  }

  async #run(request: AuthRequest, route: RouteName, underBase: boolean): Promise<AuthResult> {
    const selected = this.#select(request)
    if ('error' in selected) return selected.error
    const { state, scenario, cookies } = selected
    const now = state.clock.now()
    state.store.sweep(now)
    if (underBase && scenario.networkError) return { ...emptyResult(0), networkError: true, scenario: scenario.name }
    const canned = underBase ? scenarioResponse(scenario, route) : undefined
    let result: AuthResult
    if (canned) {
      const retry = canned.retryAfter === undefined ? undefined : Math.max(0, Math.ceil(parseDuration(canned.retryAfter) / 1000))
      result = errorResult(canned.error, {
        ...(canned.message === undefined ? {} : { message: canned.message }),
        ...(retry === undefined ? {} : { headers: { 'retry-after': String(retry) }, extra: { retryAfter: retry } }),
      })
    } else {
      result = await ROUTE_FNS[route](await this.context(request, state, scenario, now, cookies))
    }
    if (underBase && scenario.delay !== undefined) result.delayMs = Math.max(0, parseDuration(scenario.delay))
    result.scenario = scenario.name
    return result
  }

  /** Everything a route needs, for this engine; also used by `mintTokens`. */
  async context(request: AuthRequest, state: NamespaceState, scenario: Scenario, now = state.clock.now(), cookies = readCookies(request)): Promise<RouteContext> {
    return { request, cookies, config: this.config, state, scenario, keys: await this.#keys, tokens: this.tokens, cache: this.#cache, random: this.#random, now }
  }

  /** The namespace and scenario this request runs in: header first, then cookie, then defaults. */
  #select(request: AuthRequest): { state: NamespaceState; scenario: Scenario; cookies: Record<string, string | undefined> } | { error: AuthResult } {
    const cookies = readCookies(request)
    const state = this.namespace(namespaceOf(request, cookies))
    const override = request.headers.get(SCENARIO_HEADER) ?? cookies[SCENARIO_COOKIE]
    if (override === undefined || override === '') return { state, scenario: state.scenario, cookies }
    const scenario = this.config.scenarios.get(override)
    if (!scenario) return { error: unknownScenarioResult(override, this.config.scenarios) }
    return { state, scenario, cookies }
  }
}

/** The namespace a request names: the `x-mock-auth-namespace` header, then the cookie, then the default. */
export function namespaceOf(request: AuthRequest, cookies: Record<string, string | undefined> = readCookies(request)): string {
  return request.headers.get(NAMESPACE_HEADER) ?? cookies[NAMESPACE_COOKIE] ?? DEFAULT_NAMESPACE
}

export function unknownScenarioResult(name: string, scenarios: ReadonlyMap<string, Scenario>): AuthResult {
  const known = [...scenarios.keys()]
  return errorResult('unknown_scenario', {
    message: `Unknown scenario "${name}". Known scenarios: ${known.join(', ')}.`,
    extra: { scenarios: known },
  })
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options)
}
