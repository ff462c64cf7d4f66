import type { Duration } from './duration.js'
import type { Engine } from './engine.js'
import { MockAuthError } from './errors.js'
import { startSession } from './issue.js'
import type { AuthResult } from './result.js'
import type { TokenLifetimes } from './scenario.js'

export interface MintOptions {
  /** Username, email or id of an existing user. */
  user: string
  /** Access token lifetime (default: the configured one). */
  ttl?: Duration
  /** Issue the access token already expired (one minute ago). */
  expired?: boolean
  namespace?: string
}

/**
 * Signs a user in without a password, as sign-in would (a real session, real cookies): for tests
 * that start signed in and for `mock-auth token`.
 */
export async function mintTokens(engine: Engine, options: MintOptions): Promise<AuthResult> {
  const state = engine.namespace(options.namespace)
  const store = state.store
  const user = store.findByLogin(options.user) ?? store.users.get(options.user)
  if (!user) {
    const known = [...store.users.values()].map((u) => u.username).join(', ')
    throw new MockAuthError('ERR_UNKNOWN_USER', `Unknown user "${options.user}". Known users: ${known}.`)
  }
  const override: TokenLifetimes = {}
  if (options.ttl !== undefined) override.accessTokenTtl = options.ttl
  if (options.expired) override.accessTokenTtl = '-1m'
  const request = { method: 'POST', url: 'mock-auth:mint', headers: { get: () => null }, body: null }
  // Minting ignores the scenario's sign-in quirks: you get what you asked for.
  const ctx = await engine.context(request, state, { name: 'mint', description: 'Tokens minted on request.' })
  return startSession(ctx, user, 200, 'Authenticated', override)
}
