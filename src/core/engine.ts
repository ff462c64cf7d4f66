import { normalizeBasePath, resolveConfig, type EngineConfig, type EngineOptions } from './config.js'
import type { RouteContext } from './context.js'
import { readCookies } from './cookies.js'
import { JournalHub, type JournalListener } from './journal.js'
import { recordAnswer } from './journal-record.js'
import { plannedFailure } from './planned-failure.js'
import { requestUser } from './request-user.js'
import { parseDuration } from './duration.js'
import { createKeySet, withSigner, type KeySet } from './keys.js'
import { RandomPool } from './random-pool.js'
import { pathnameOf, type AuthRequest } from './request.js'
import { encodeProtocolError, type Dialect, type MountedProtocol, type ProtocolError, type ProtocolRoute } from './dialect.js'
import { MockAuthError } from './errors.js'
import { jwks } from './operations/jwks.js'
import { emptyResult, errorResult, headResult, type AuthResult } from './result.js'
import { allowHeader, compileMount, matchKey, matchRoute, routeFor, type Mount, type RouteMatch } from './route-match.js'
import type { Scenario } from './scenario.js'
import { NamespaceState } from './state.js'
import { VerifiedCache, type TokenSettings } from './tokens.js'

import { DEFAULT_NAMESPACE, NAMESPACE_COOKIE, NAMESPACE_HEADER, SCENARIO_COOKIE, SCENARIO_HEADER, WELL_KNOWN_JWKS_PATH } from './wire-names.js'

export { DEFAULT_NAMESPACE, NAMESPACE_COOKIE, NAMESPACE_HEADER, SCENARIO_COOKIE, SCENARIO_HEADER, WELL_KNOWN_JWKS_PATH }

const JWKS_ROUTE: ProtocolRoute = { operation: 'jwks', handle: jwks }
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>

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
  /** Listeners of every namespace's journal (the dashboard's live stream). */
  readonly #journals = new JournalHub()
  /** The wire protocol under the base path. */
  readonly dialect: Dialect
  readonly #dialectMount: Mount
  /** Injected protocols (longest path first), then the dialect. */
  readonly #mounts: readonly Mount[]

  constructor(options: EngineOptions) {
    this.config = resolveConfig(options)
    if (!options.dialect || typeof options.dialect.encodeError !== 'function' || typeof options.dialect.routes !== 'object') {
      throw new MockAuthError('ERR_INVALID_OPTIONS', 'createEngine needs a `dialect` (a route table and codec), e.g. restDialect from "mock-auth/dialects", or pass a dialect name to createMockAuth/createServer.')
    }
    this.dialect = options.dialect
    this.#dialectMount = compileMount(this.config.basePath, options.dialect)
    this.#mounts = [...mountsOf(options.protocols ?? []), this.#dialectMount]
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
    state = new NamespaceState(name, this.config, this.#journals.forward)
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

  /**
   * Where a URL lands: the well-known JWKS, a route of a mounted protocol (providers first, the
   * longest path winning), else the dialect when under the base path; undefined when it is not ours.
   */
  locate(url: string): { mount: Mount; rest: string } | typeof WELL_KNOWN_JWKS_PATH | undefined {
    const pathname = pathnameOf(url)
    if (pathname === WELL_KNOWN_JWKS_PATH) return WELL_KNOWN_JWKS_PATH
    for (const mount of this.#mounts) {
      const base = mount.path
      if (pathname !== base && !pathname.startsWith(`${base}/`)) continue
      return { mount, rest: pathname.slice(base.length).replace(/\/+$/, '') }
    }
    return undefined
  }

  /** The path under the base path (or a provider's mount), `WELL_KNOWN_JWKS_PATH`, or undefined when the request is not ours. */
  routePath(url: string): string | undefined {
    const where = this.locate(url)
    return where === undefined || where === WELL_KNOWN_JWKS_PATH ? where : where.rest
  }

  /** The dialect's mount and every injected protocol's, for transports that make one handler per route. */
  mounts(): readonly Mount[] {
    return this.#mounts
  }

  /**
   * Answers any request: null when it is outside every mount (the adapter passes it on), the
   * protocol's 404 `not_found` for an unknown path under one.
   */
  async fetch(request: AuthRequest): Promise<AuthResult | null> {
    const where = this.locate(request.url)
    if (where === undefined) return null
    await (where === WELL_KNOWN_JWKS_PATH ? this.#dialectMount : where.mount).protocol.ready?.()
    if (where === WELL_KNOWN_JWKS_PATH) return headless(request, await this.#run(request, JWKS_ROUTE, this.#dialectMount, false, NO_PARAMS))
    const match = matchRoute(where.mount, where.rest)
    if (!match) {
      if (where.mount.protocol.onlyOwnRoutes) return null
      const under = where.mount === this.#dialectMount ? this.config.basePath : where.mount.path
      const error: ProtocolError = { code: 'not_found', message: `No route ${request.method} ${pathnameOf(request.url)}. Routes live under ${under || '/'}.` }
      return headless(request, this.#recordOutside(request, encodeProtocolError(where.mount.protocol, error, { request, config: this.config, operation: undefined })))
    }
    return this.#answer(request, where.mount, match)
  }

  /**
   * Answers a request already matched to a route key of a mount (default: the dialect's): what
   * each MSW handler calls. A key with `:params` takes them from the URL.
   */
  async dispatch(request: AuthRequest, key: string, mount: Mount = this.#dialectMount): Promise<AuthResult> {
    await mount.protocol.ready?.()
    const methods = mount.exact.get(key)
    if (methods) return this.#answer(request, mount, { key, methods, params: NO_PARAMS })
    const where = this.locate(request.url)
    const match = where !== undefined && where !== WELL_KNOWN_JWKS_PATH ? matchKey(mount, key, where.rest) : undefined
    if (match) return this.#answer(request, mount, match)
    return (await this.fetch(request)) ?? mount.protocol.encodeError({ code: 'not_found' }, { request, config: this.config, operation: undefined })
  }

  async #answer(request: AuthRequest, mount: Mount, match: RouteMatch): Promise<AuthResult> {
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') return emptyResult(204, { allow: allowHeader(match.methods) })
    const route = routeFor(match.methods, method)
    if (!route) {
      const error: ProtocolError = {
        code: 'method_not_allowed',
        message: `${method} is not allowed on ${mount.path}${match.key}; use ${Object.keys(match.methods).join(' or ')}.`,
        headers: { allow: allowHeader(match.methods) },
      }
      return headless(request, this.#recordOutside(request, encodeProtocolError(mount.protocol, error, { request, config: this.config, operation: undefined })))
    }
    const result = await this.#run(request, route, mount, true, match.params)
    return match.methods[method] ? result : headless(request, result)
  }

  /**
   * The one place a request meets its scenario: namespace and scenario selected, then for the
   * matched operation a dropped connection, a canned error (in the protocol's wire form) or the
   * route's own handler, then the delay. The journal records here too.
   */
  async #run(request: AuthRequest, route: ProtocolRoute, mount: Mount, underBase: boolean, params: Record<string, string>): Promise<AuthResult> {
    const protocol = mount.protocol
    const operation = route.operation
    const started = performance.now()
    const selected = this.#select(request)
    if ('unknown' in selected) {
      const known = [...this.config.scenarios.keys()]
      const error: ProtocolError = { code: 'unknown_scenario', message: `Unknown scenario "${selected.unknown}". Known scenarios: ${known.join(', ')}.`, extra: { scenarios: known } }
      // No operation's error (ErrorContext.operation): a dialect answers it as mock-auth's JSON, not as a
      // failed sign-in its client would show as bad credentials. The journal still names the operation.
      return recordAnswer(selected.state, request, encodeProtocolError(protocol, error, { request, config: this.config, operation: undefined }), { operation: operation ?? null, scenario: null, user: null, started })
    }
    const { state, cookies } = selected
    let { scenario, source } = selected
    // A user with a scenario of their own is answered under it (looked up only when some user has one).
    let actor: string | undefined
    if (source === 'namespace' && state.store.hasUserScenarios) {
      const found = await requestUser(request, cookies, state, await this.#keys, this.tokens, this.#cache)
      request = found.request
      const own = found.user?.scenario === undefined ? undefined : this.config.scenarios.get(found.user.scenario)
      if (own && found.user) {
        scenario = own
        source = `user:${found.user.id}`
        actor = found.user.id
      }
    }
    const now = state.clock.now()
    state.store.sweep(now)
    const failure = plannedFailure(state, scenario, source, operation, underBase)
    const ctx = await this.context(request, state, scenario, now, cookies, params)
    let result: AuthResult
    if (failure?.network) {
      result = { ...emptyResult(0), networkError: true }
    } else if (failure) {
      const { answer } = failure
      const error: ProtocolError = { code: answer.error }
      if (answer.message !== undefined) error.message = answer.message
      if (answer.retryAfter !== undefined) error.retryAfterSeconds = Math.max(0, Math.ceil(parseDuration(answer.retryAfter) / 1000))
      result = encodeProtocolError(protocol, error, { request, config: this.config, operation, route: ctx })
    } else {
      result = await route.handle(ctx)
    }
    if (underBase && scenario.delay !== undefined) result.delayMs = Math.max(0, parseDuration(scenario.delay))
    result.scenario = scenario.name
    return recordAnswer(state, request, result, { operation: operation ?? null, scenario: scenario.name, user: ctx.userId ?? actor ?? null, started })
  }

  /** Records an answer that reached no operation (an unknown path, a method the path does not allow). */
  #recordOutside(request: AuthRequest, result: AuthResult): AuthResult {
    return recordAnswer(this.namespace(namespaceOf(request)), request, result, { operation: null, scenario: null, user: null, started: performance.now() })
  }

  /**
   * Calls `listener` with every journal entry of every namespace (the dashboard's live stream)
   * until the returned function is called. Per engine, never per module.
   */
  subscribe(listener: JournalListener): () => void {
    return this.#journals.subscribe(listener)
  }

  /** Everything a route needs, for this engine; also used by `mintTokens`. */
  async context(request: AuthRequest, state: NamespaceState, scenario: Scenario, now = state.clock.now(), cookies = readCookies(request), params: Record<string, string> = NO_PARAMS): Promise<RouteContext> {
    return { request, cookies, params, config: this.config, state, scenario, keys: await this.#keys, tokens: this.tokens, cache: this.#cache, random: this.#random, now }
  }

  /** The namespace and scenario this request runs in: header first, then cookie, then defaults. */
  #select(request: AuthRequest): { state: NamespaceState; scenario: Scenario; source: string; cookies: Record<string, string | undefined> } | { state: NamespaceState; unknown: string } {
    const cookies = readCookies(request)
    const state = this.namespace(namespaceOf(request, cookies))
    const override = request.headers.get(SCENARIO_HEADER) ?? cookies[SCENARIO_COOKIE]
    if (override === undefined || override === '') return { state, scenario: state.scenario, source: 'namespace', cookies }
    const scenario = this.config.scenarios.get(override)
    if (!scenario) return { state, unknown: override }
    return { state, scenario, source: 'request', cookies }
  }
}

/** The namespace a request names: the `x-mock-auth-namespace` header, then the cookie, then the default. */
export function namespaceOf(request: AuthRequest, cookies: Record<string, string | undefined> = readCookies(request)): string {
  return request.headers.get(NAMESPACE_HEADER) ?? cookies[NAMESPACE_COOKIE] ?? DEFAULT_NAMESPACE
}

function mountsOf(protocols: readonly MountedProtocol[]): Mount[] {
  const mounts = protocols.map((m) => {
    const path = normalizeBasePath(m.path)
    if (path === '') throw new MockAuthError('ERR_INVALID_OPTIONS', `Protocol "${m.protocol.name}" needs a mount path such as /oidc/google, not the root.`)
    return compileMount(path, m.protocol)
  })
  return mounts.sort((a, b) => b.path.length - a.path.length)
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options)
}

/** A HEAD request gets its GET answer without the body (RFC 9110 §9.3.2). */
function headless(request: AuthRequest, result: AuthResult): AuthResult {
  return request.method.toUpperCase() === 'HEAD' ? headResult(result) : result
}
