import type { Duration } from './duration.js'
import type { Engine } from './engine.js'
import { MockAuthError } from './errors.js'
import { openSession, tokenAnswer } from './issue.js'
import { parseDuration } from './duration.js'
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
  /**
   * The app's URL the cookies are for: a dialect's cookie names follow its scheme (next-auth's and
   * better-auth's `__Secure-` on https). Default: the engine's `publicUrl`, else `http://localhost`.
   */
  url?: string
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
  const config = engine.config
  const request = { method: 'POST', url: appUrl(options.url, config.publicOrigin, config.basePath), headers: { get: () => null }, body: null }
  // Minting ignores the scenario's sign-in quirks: you get what you asked for.
  const ctx = await engine.context(request, state, { name: 'mint', description: 'Tokens minted on request.' })
  const opened = openSession(ctx, user, override)
  // The dialect's own session cookie (next-auth's JWE, better-auth's signed token, a contract's), so
  // an app on that dialect is signed in; it may set the session's lifetime, so it runs first.
  const asked = override.accessTokenTtl === undefined ? {} : { accessMs: parseDuration(override.accessTokenTtl, 'ttl') }
  await engine.dialect.ready?.()
  const cookies = await engine.dialect.mintCookies?.(ctx, opened, asked)
  const result = await tokenAnswer(ctx, user, opened.session, opened.refreshToken, opened.accessMs, 200, 'Authenticated')
  if (cookies !== undefined) result.cookies = cookies
  return result
}

/** The request a minted session is made for: the app's URL under the base path. */
function appUrl(url: string | undefined, publicOrigin: string | undefined, basePath: string): string {
  const base = url ?? publicOrigin ?? 'http://localhost'
  try {
    return new URL(basePath === '' ? '/' : basePath, base).href
  } catch {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Cannot mint cookies for "${base}": pass the app's URL, e.g. { url: 'http://localhost:3000' }.`)
  }
}
