import type { HttpHandler } from 'msw'
import { builtinScenarios } from '../scenarios/index.js'
import {
  createEngine,
  DEFAULT_NAMESPACE,
  validateScenario,
  type ClockOptions,
  type Duration,
  type Engine,
  type KeySet,
  type Scenario,
  type SigningAlgorithm,
  type UserInput,
} from '../src/core/index.js'
import { DEFAULT_BASE_URL, parseBaseUrl } from './base-url.js'
import { namespaceControls, type MockAuthControls } from './controls.js'
import { createHandlers } from './create-handlers.js'
import type { CookieMode } from './to-msw-response.js'

export interface MockAuthOptions {
  /** The scenario to start in (default `'default'`). */
  scenario?: string
  /** Where the app calls auth: `'*\/api/auth'` (default, any origin), `'http://localhost:3000/api/auth'`, `'/api/auth'`. */
  baseUrl?: string
  /** Seed users (default: `test`/`test` and `admin`/`admin`). */
  users?: readonly UserInput[]
  /** Extra scenarios, added to the built-ins; one with a built-in's name replaces it. */
  scenarios?: readonly Scenario[]
  accessTokenTtl?: Duration
  refreshTokenTtl?: Duration
  /** `'ES256'` (default, generated per instance) or `'HS256'` with `secret`. */
  alg?: SigningAlgorithm
  secret?: string
  issuer?: string
  audience?: string
  clockTolerance?: Duration
  /** Where the clock starts (default: real time). */
  clock?: ClockOptions
  /** The namespace this instance's handlers and controls use for requests that name none. */
  namespace?: string
  /** Reuse signing keys, e.g. to verify tokens with a key your app already trusts. */
  keys?: KeySet | Promise<KeySet>
}

/** Internal wiring for the browser entry; not part of the public options. */
export interface MockAuthWiring {
  cookieMode?: CookieMode
  onChange?: () => void
  /** Builds the engine from resolved options (the browser entry restores keys and state here). */
  engine?: (options: Parameters<typeof createEngine>[0]) => Engine
}

export interface MockAuth extends MockAuthControls {
  readonly engine: Engine
  /** One msw handler per route, then JWKS and the 404 catch-all: `setupServer(...mockAuth.handlers)`. */
  readonly handlers: HttpHandler[]
  readonly baseUrl: string
  /** Controls and handlers for another namespace of the same engine (own users, sessions, scenario, clock). */
  scope(namespace: string): MockAuthControls & { readonly handlers: HttpHandler[] }
}

/**
 * A mock auth backend as msw handlers. Everything (keys, users, sessions, scenario, clock) lives
 * in this instance: two instances never share anything.
 */
export function createMockAuth(options: MockAuthOptions = {}, wiring: MockAuthWiring = {}): MockAuth {
  const parsed = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
  const scenarios = new Map<string, Scenario>(builtinScenarios.map((s) => [s.name, s]))
  for (const [index, scenario] of (options.scenarios ?? []).entries()) {
    validateScenario(scenario, `scenarios[${index}]`)
    scenarios.set(scenario.name, scenario)
  }
  const engineOptions: Parameters<typeof createEngine>[0] = { scenarios: [...scenarios.values()], basePath: parsed.basePath }
  copyDefined(engineOptions, options, ['scenario', 'users', 'accessTokenTtl', 'refreshTokenTtl', 'issuer', 'audience', 'clockTolerance', 'clock', 'keys'])
  if (options.alg !== undefined || options.secret !== undefined) {
    engineOptions.keyOptions = {}
    if (options.alg !== undefined) engineOptions.keyOptions.alg = options.alg
    if (options.secret !== undefined) engineOptions.keyOptions.secret = options.secret
  }
  const engine = (wiring.engine ?? createEngine)(engineOptions)
  const handlerWiring = {
    baseUrl: parsed.baseUrl,
    ...(wiring.cookieMode === undefined ? {} : { cookieMode: wiring.cookieMode }),
    ...(wiring.onChange === undefined ? {} : { onHandled: wiring.onChange }),
  }
  const hooks = wiring.onChange === undefined ? {} : { onChange: wiring.onChange }
  const namespace = options.namespace ?? DEFAULT_NAMESPACE
  const own = namespaceControls(engine, namespace, { ...hooks, resetAll: true })
  // Object.assign keeps the controls' live `scenario` getter (a spread would freeze its value).
  const instance: MockAuth = Object.assign(own, {
    engine,
    baseUrl: parsed.baseUrl,
    handlers: createHandlers(engine, { ...handlerWiring, namespace }),
    scope: (name: string) =>
      Object.assign(namespaceControls(engine, name, hooks), { handlers: createHandlers(engine, { ...handlerWiring, namespace: name }) }),
  })
  return instance
}

function copyDefined<T extends object, K extends keyof T & keyof MockAuthOptions>(target: T, source: MockAuthOptions, keys: readonly K[]): void {
  for (const key of keys) {
    const value = source[key]
    if (value !== undefined) (target as Record<string, unknown>)[key] = value
  }
}
