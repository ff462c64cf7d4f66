import type { Dialect, RouteTable } from '../../core/index.js'
import { withInit, type NextAuthKit } from './context.js'
import { cookieNames } from './cookies.js'
import { CsrfHasher } from './csrf-hash.js'
import { encodeNextAuthError } from './encode-error.js'
import { randomHex, SessionJwe, type JweContentCipher } from './jwe.js'
import { callback } from './routes/callback.js'
import { csrf } from './routes/csrf.js'
import { emailCallback, emailSignIn, verifyRequestPage } from './routes/email.js'
import { errorPage, signInPage, signOutPage } from './routes/pages.js'
import { providers } from './routes/providers.js'
import { session } from './routes/session.js'
import { mintSessionCookie } from './session-token.js'
import { signOut } from './routes/sign-out.js'
import { oauthCallback, oauthSignIn, oauthSignInGet } from './routes/social.js'
import { NEXT_AUTH_V4, type NextAuthWire } from './wire.js'
import { OriginMemo } from './origin-memo.js'

export interface NextAuthDialect extends Dialect {
  readonly wire: NextAuthWire
  /** The secret the session JWE and CSRF hash use: the app's, or one made up when none was given. */
  readonly secret: string
  /** True when no secret was given and this one was generated (serve prints it). */
  readonly secretGenerated: boolean
}

/**
 * next-auth's routes under the base path, for one wire (v4's, or v5's differences as data):
 * `GET /csrf`, `GET /providers`, `POST /callback/credentials`, `POST /signin/email`, `GET /callback/email`,
 * `GET|POST /signin/<id>` and `GET|POST /callback/<id>` (the mock identity providers), `GET|POST /session`, `POST /signout`,
 * and the HTML pages `GET /signin`, `/signout`, `/error`. CSRF, providers and pages are plumbing:
 * no scenario `respond` reaches them.
 */
export function createNextAuthDialect(wire: NextAuthWire, secret?: string, cipher?: JweContentCipher): NextAuthDialect {
  const key = secret === undefined || secret === '' ? randomHex(32) : secret
  const names = { http: cookieNames(wire, false), https: cookieNames(wire, true) }
  const kit: NextAuthKit = { wire, secret: key, jwe: new SessionJwe(wire, key, cipher), csrf: new CsrfHasher(key), names, origins: new OriginMemo() }
  const sessionRoute = { operation: 'session' as const, handle: withInit(kit, session) }
  const oauthCallbackRoute = { operation: 'socialCallback' as const, handle: withInit(kit, oauthCallback) }
  const routes: RouteTable = {
    '/csrf': { GET: { handle: withInit(kit, csrf) } },
    '/providers': { GET: { handle: withInit(kit, providers) } },
    // Exact paths before the `:provider` patterns: the MSW handlers are made in table order.
    '/callback/credentials': { POST: { operation: 'signIn', handle: withInit(kit, callback) } },
    // Issue 13: the email provider (a magic link mailed to the mailbox).
    '/callback/email': { GET: { operation: 'magicLinkVerify', handle: withInit(kit, emailCallback) } },
    '/signin/email': { POST: { operation: 'magicLink', handle: withInit(kit, emailSignIn) } },
    // Issue 10: the mock identity providers (`signIn('google')`).
    // GET (a link, not the client): v4's sign-in page, v5's Configuration error (wire.signInGet).
    '/signin/:provider': { GET: { handle: withInit(kit, oauthSignInGet) }, POST: { operation: 'socialSignIn', handle: withInit(kit, oauthSignIn) } },
    '/callback/:provider': { GET: oauthCallbackRoute, POST: oauthCallbackRoute },
    '/verify-request': { GET: { handle: withInit(kit, verifyRequestPage) } },
    '/session': { GET: sessionRoute, POST: sessionRoute },
    '/signout': { GET: { handle: withInit(kit, signOutPage) }, POST: { operation: 'signOut', handle: withInit(kit, signOut) } },
    '/signin': { GET: { handle: withInit(kit, signInPage) } },
    '/error': { GET: { handle: withInit(kit, errorPage) } },
  }
  return {
    name: wire.name,
    routes,
    encodeError: (error, ctx) => encodeNextAuthError(wire, error, ctx),
    // Kept by the browser entry's own jar (msw 2 keeps one Set-Cookie per response; these are HttpOnly).
    cookieNames: [names.http, names.https].flatMap((set) => Object.values(set).filter((name): name is string => typeof name === 'string')),
    mintCookies: (ctx, opened, lifetime) => mintSessionCookie(ctx, kit, opened, lifetime),
    wire,
    secret: key,
    secretGenerated: key !== secret,
  }
}

/** next-auth v4 (4.24.x). */
export function nextAuthDialect(secret?: string, cipher?: JweContentCipher): NextAuthDialect {
  return createNextAuthDialect(NEXT_AUTH_V4, secret, cipher)
}

export { NEXT_AUTH_V4, type NextAuthWire } from './wire.js'
export { SessionJwe, type JweContentCipher, type SessionTokenClaims } from './jwe.js'
