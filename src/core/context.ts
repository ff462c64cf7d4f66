import type { EngineConfig } from './config.js'
import type { KeySet } from './keys.js'
import type { RandomPool } from './random-pool.js'
import type { AuthRequest } from './request.js'
import type { Scenario } from './scenario.js'
import type { NamespaceState } from './state.js'
import type { TokenSettings, VerifiedCache } from './tokens.js'

/** What a protocol's route handler sees: the request plus every injected dependency, nothing global. */
export interface RouteContext {
  request: AuthRequest
  /** The request's cookies, parsed once per request. */
  cookies: Record<string, string | undefined>
  /** The route's `:name` segments (`/callback/:provider` → `{ provider }`); empty for exact routes. */
  params: Record<string, string>
  config: EngineConfig
  state: NamespaceState
  /** The effective scenario: the namespace's, or the per-request override. */
  scenario: Scenario
  keys: KeySet
  tokens: TokenSettings
  cache: VerifiedCache
  random: RandomPool
  now: number
  /** The user this request acted for, set by whatever signed them in or checked their credential (the journal's `user`). */
  userId?: string
}
