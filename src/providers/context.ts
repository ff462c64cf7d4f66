import type { AuthRequest, AuthResult, OperationName } from '../core/index.js'
import type { RandomPool } from '../core/random-pool.js'
import type { Sha256Fn } from './provider-crypto.js'
import type { ProviderKeys } from './provider-keys.js'
import type { ProviderState } from './provider-state.js'
import type { Provider } from './types.js'

/** The names scenarios use for the provider's operations (`respond.providerToken`, ...): the core's `provider*` operations. */
export type ProviderOperation = Extract<OperationName, `provider${string}`>

/** What a provider route sees: the request, its provider, this namespace's state, nothing global. */
export interface ProviderContext {
  request: AuthRequest
  url: URL
  provider: Provider
  /** `{origin}/oidc/<id>`: the issuer, and the prefix of every endpoint. */
  issuer: string
  state: ProviderState
  keys(): Promise<ProviderKeys>
  /** SHA-256 (at_hash, PKCE): the injected one, else WebCrypto's. */
  sha256: Sha256Fn
  random: RandomPool
  /** Milliseconds, from the namespace's clock. */
  now: number
  /** Claims a scenario lays over every account's (e.g. `{ email_verified: false }`). */
  claims: Readonly<Record<string, unknown>> | undefined
}

export type ProviderHandler = (ctx: ProviderContext) => Promise<AuthResult>

export interface ProviderRoute {
  operation: ProviderOperation
  /** Handlers by method; OPTIONS and 405 + Allow are answered for every route. */
  methods: Readonly<Record<string, ProviderHandler>>
}

/** Token lifetimes of the mock providers (Google's access tokens live an hour). */
export const ACCESS_TTL_MS = 3_600_000
export const ID_TOKEN_TTL_MS = 3_600_000
export const REFRESH_TTL_MS = 30 * 86_400_000
/** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
export const CODE_TTL_MS = 600_000
