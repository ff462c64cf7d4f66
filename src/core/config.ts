import { type ClockOptions } from './clock.js'
import { sessionCookies, type SessionCookies } from './cookies.js'
import { parseDuration, type Duration } from './duration.js'
import { normalizeBasePath } from './base-path.js'
import { MockAuthError, unknownScenarioError } from './errors.js'
import type { Dialect, MountedProtocol } from './dialect.js'
import type { ExportedKeySet, KeyOptions, KeySet, SignFn } from './keys.js'
import { journalSizeOf } from './journal.js'
import type { Scenario } from './scenario.js'
import type { SocialProvider } from './social.js'
import { SeedUsers } from './seed-users.js'
import { DEFAULT_STORE_LIMITS, type StoreLimits } from './store.js'
import { DEFAULT_USERS, normalizeUsers, type StoredUser, type UserInput } from './users.js'

/** Tokens carry this issuer by default: a reserved `.invalid` host (RFC 6761 §6.4) no real issuer can own. */
export const DEFAULT_ISSUER = 'https://mock-auth.invalid'
export const DEFAULT_AUDIENCE = 'mock-auth'
export const DEFAULT_BASE_PATH = '/api/auth'

export interface EngineOptions {
  /**
   * The wire protocol under the base path: a route table and codec over the core's operations
   * (`restDialect`, ...). Injected: the core knows no dialect; `resolveDialect(name)` in
   * `src/dialects` turns a name into one.
   */
  dialect: Dialect
  /** Further protocols at their own paths, e.g. a mock identity provider at `/oidc/google`. */
  protocols?: readonly MountedProtocol[]
  /**
   * The identity providers the app's dialects offer for social sign-in (`/signin/<id>`), as the
   * core sees them; `src/providers` makes them (`socialProviders(protocol)`) with the mounts.
   */
  socialProviders?: readonly SocialProvider[]
  /** Every scenario this engine knows; the built-ins are `builtinScenarios` from `mock-auth/scenarios`. */
  scenarios: readonly Scenario[]
  /** The scenario each namespace starts in (default `'default'`). */
  scenario?: string
  users?: readonly UserInput[]
  /** Where the auth routes live (default `/api/auth`). */
  basePath?: string
  /** Signing keys; by default an ES256 pair is generated in the background when the engine is made. */
  keys?: KeySet | Promise<KeySet>
  keyOptions?: KeyOptions
  /**
   * A faster signer for this platform, made from the key material; the Node adapters pass one
   * built on node:crypto. Default: WebCrypto, which works everywhere.
   */
  signer?: (exported: ExportedKeySet) => SignFn
  issuer?: string
  audience?: string
  accessTokenTtl?: Duration
  refreshTokenTtl?: Duration
  clockTolerance?: Duration
  /** Where each namespace's clock starts (default: real time). */
  clock?: ClockOptions
  /**
   * The app's public origin (`https://app.example.com`), for absolute URLs in answers (next-auth's
   * `{ url }`, a provider's issuer). Default: `X-Forwarded-Proto`/`X-Forwarded-Host` from a local
   * proxy, else the request's own origin.
   */
  publicUrl?: string
  /** Add `Secure` to cookies (default false: the mock runs on plain http://localhost). */
  secureCookies?: boolean
  /**
   * How many namespaces besides `default` live at once (default 1,000); making one more forgets
   * the least recently used. Namespaces are made on first use from a header or cookie, so without
   * a bound a client sending a new name per request would grow memory without end.
   */
  maxNamespaces?: number
  /** How many journal entries each namespace keeps, newest first (default 1,000; 0 keeps none). */
  journalSize?: number
  /** Users one namespace holds at most, seeded ones included (default 10,000); sign-up past it answers 507 `limit_exceeded`. */
  maxUsers?: number
  /** Live sessions one user holds at most (default 1,000); one more sign-in revokes the user's oldest session. */
  maxSessionsPerUser?: number
  /** Exchanged refresh tokens one refresh family remembers for reuse detection (default 100, the most recent). */
  maxRotatedTokens?: number
}

export interface EngineConfig {
  scenarios: ReadonlyMap<string, Scenario>
  initialScenario: Scenario
  users: readonly StoredUser[]
  /** The same users indexed once, frozen, shared by every namespace (copy-on-write, see `UserTable`). */
  seedUsers: SeedUsers
  basePath: string
  issuer: string
  audience: string
  accessTtlMs: number
  refreshTtlMs: number
  clockToleranceSeconds: number
  clock: ClockOptions
  /** The `publicUrl` option's origin (no path, no trailing slash), if set. */
  publicOrigin: string | undefined
  secureCookies: boolean
  /** The Set-Cookie lines for these settings (attributes made once, see `sessionCookies`). */
  cookies: SessionCookies
  maxNamespaces: number
  journalSize: number
  /** Social sign-in providers by id (empty without any). */
  socialProviders: ReadonlyMap<string, SocialProvider>
  /** The bounds of each namespace's store (`maxUsers`, `maxSessionsPerUser`, `maxRotatedTokens`). */
  storeLimits: StoreLimits
}

export const DEFAULT_MAX_NAMESPACES = 1000

export function resolveConfig(options: Omit<EngineOptions, 'dialect'>): EngineConfig {
  const scenarios = new Map<string, Scenario>()
  for (const scenario of options.scenarios) scenarios.set(scenario.name, scenario)
  const initialName = options.scenario ?? 'default'
  const initialScenario = scenarios.get(initialName)
  if (!initialScenario) throw unknownScenarioError(initialName, scenarios.keys())
  const refreshTtlMs = parseDuration(options.refreshTokenTtl ?? '7d', 'refreshTokenTtl')
  const accessTtlMs = parseDuration(options.accessTokenTtl ?? '15m', 'accessTokenTtl')
  if (refreshTtlMs <= 0 || accessTtlMs <= 0) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'Token lifetimes must be positive; use the "expired" scenario for expired tokens.')
  }
  const maxNamespaces = options.maxNamespaces ?? DEFAULT_MAX_NAMESPACES
  if (!Number.isInteger(maxNamespaces) || maxNamespaces < 1) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `maxNamespaces must be a whole number of at least 1 (got ${String(maxNamespaces)}); the default is ${DEFAULT_MAX_NAMESPACES}.`)
  }
  const storeLimits = resolveStoreLimits(options)
  const users = normalizeUsers(options.users ?? DEFAULT_USERS)
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH)
  const secureCookies = options.secureCookies ?? false
  for (const user of users) if (user.scenario !== undefined && !scenarios.has(user.scenario)) throw unknownScenarioError(user.scenario, scenarios.keys())
  return {
    scenarios,
    initialScenario,
    users,
    seedUsers: new SeedUsers(users),
    basePath,
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    accessTtlMs,
    refreshTtlMs,
    clockToleranceSeconds: parseDuration(options.clockTolerance ?? 0, 'clockTolerance') / 1000,
    clock: options.clock ?? {},
    publicOrigin: options.publicUrl === undefined ? undefined : originOf(options.publicUrl),
    secureCookies,
    cookies: cookiesFor(basePath, refreshTtlMs, secureCookies),
    maxNamespaces,
    journalSize: journalSizeOf(options.journalSize),
    socialProviders: new Map((options.socialProviders ?? []).map((p) => [p.id, p])),
    storeLimits,
  }
}

/** Each store bound from the options, a whole number of at least 1 (the error names the option). */
function resolveStoreLimits(options: Omit<EngineOptions, 'dialect'>): StoreLimits {
  const limits = { ...DEFAULT_STORE_LIMITS }
  for (const name of Object.keys(limits) as Array<keyof StoreLimits>) {
    const value = options[name]
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < 1) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `${name} must be a whole number of at least 1 (got ${String(value)}); the default is ${DEFAULT_STORE_LIMITS[name]}.`)
    }
    limits[name] = value
  }
  return limits
}

/**
 * The refresh cookie's Path is the base path, so it only travels to the auth routes. Both cookies
 * live as long as a normal refresh token, whatever a scenario does to the tokens, so an expired
 * token still reaches the server and earns a 401 instead of vanishing.
 */
function cookiesFor(basePath: string, refreshTtlMs: number, secure: boolean): SessionCookies {
  try {
    return sessionCookies({ refreshPath: basePath === '' ? '/' : basePath, maxAgeSeconds: Math.round(refreshTtlMs / 1000), secure })
  } catch {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `The base path "${basePath}" cannot be a cookie path (RFC 6265 §4.1.1): use letters, digits and "/", e.g. /api/auth.`)
  }
}

function originOf(publicUrl: string): string {
  let url: URL | undefined
  try {
    url = new URL(publicUrl)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid publicUrl ${JSON.stringify(publicUrl)}: use the app's origin, e.g. "https://app.example.com" or "http://localhost:3000".`)
  }
  return url.origin
}

export { normalizeBasePath } from './base-path.js'

