import type { AuthResult, Dialect, ProtocolRoute, RouteContext, RouteTable } from '../../core/index.js'
import type { BetterAuthDeps } from './context.js'
import { encodeBetterAuthError } from './errors.js'
import { changePassword, updateUser } from './routes/account.js'
import { signInEmail, signUpEmail } from './routes/email-password.js'
import { magicLinkVerify, signInMagicLink } from './routes/magic-link.js'
import { requestPasswordReset, resetPasswordCallback, resetPasswordRoute, sendVerificationEmail, verifyEmailRoute } from './routes/mail-flows.js'
import { callbackSocial, errorPage, signInSocial } from './routes/social.js'
import { verifyTotp } from './routes/two-factor.js'
import { getSession, listSessions, revokeOtherSessions, revokeSession, revokeSessions, signOut, withSession } from './routes/session.js'
import { BETTER_AUTH_COOKIES, cookieName, CookieSigner, DEFAULT_BETTER_AUTH_SECRET, type CookieMac } from './session-cookie.js'
import { sessionCookies } from './new-session.js'
import { trustMatcher, type TrustedOrigins } from './trusted-origins.js'

export interface BetterAuthSettings {
  /** Signs the session cookie (better-auth's `BETTER_AUTH_SECRET`); a fixed development secret by default. */
  secret?: string
  /** Origins the Origin check trusts besides the request's own; default: local development origins, any port. */
  trustedOrigins?: TrustedOrigins
  /** The app's public URL: `https:` gives cookies `Secure` and the `__Secure-` prefix. */
  publicUrl?: string
  /** Signs cookies with this synchronous HMAC (the server passes node:crypto's), else WebCrypto's. */
  cookieMac?: CookieMac
}

/**
 * better-auth 1.x's email-and-password wire under the base path (`/api/auth`): what its
 * `createAuthClient` calls (`signUp.email`, `signIn.email`, `getSession`, `signOut`,
 * `listSessions`, `revokeSession(s)`, `revokeOtherSessions`, `updateUser`, `changePassword`,
 * `signIn.social` with its `/callback/<id>` and `/error` page), each
 * route mapped onto a core operation so every scenario applies.
 */
export function createBetterAuthDialect(settings: BetterAuthSettings = {}): Dialect {
  const deps: BetterAuthDeps = {
    signer: new CookieSigner(settings.secret ?? DEFAULT_BETTER_AUTH_SECRET, settings.cookieMac),
    trusted: trustMatcher(settings.trustedOrigins),
    publicUrl: settings.publicUrl,
  }
  const route = (operation: ProtocolRoute['operation'], handle: (ctx: RouteContext, deps: BetterAuthDeps) => Promise<AuthResult>): ProtocolRoute => ({
    ...(operation === undefined ? {} : { operation }),
    handle: (ctx) => handle(ctx, deps),
  })
  const signedIn = (operation: ProtocolRoute['operation'], handle: Parameters<typeof withSession>[1]): ProtocolRoute => route(operation, (ctx) => withSession(deps, handle)(ctx))
  const routes: RouteTable = {
    '/sign-up/email': { POST: route('register', signUpEmail) },
    '/sign-in/email': { POST: route('signIn', signInEmail) },
    '/get-session': { GET: route('session', getSession) },
    '/sign-out': { POST: route('signOut', signOut) },
    '/list-sessions': { GET: signedIn('listSessions', listSessions) },
    '/revoke-session': { POST: signedIn('revokeSession', revokeSession) },
    '/revoke-sessions': { POST: signedIn('revokeSession', (ctx, found, fields) => revokeSessions(ctx, found, fields, deps)) },
    '/revoke-other-sessions': { POST: signedIn('revokeSession', revokeOtherSessions) },
    '/update-user': { POST: signedIn('updateUser', (ctx, found, fields) => updateUser(ctx, found, fields, deps)) },
    '/change-password': { POST: signedIn('changePassword', (ctx, found, fields) => changePassword(ctx, found, fields, deps)) },
    // Issue 13: the twoFactor and magic-link plugins, password reset and email verification.
    '/two-factor/verify-totp': { POST: route('mfaVerify', verifyTotp) },
    '/request-password-reset': { POST: route('forgotPassword', requestPasswordReset) },
    '/reset-password/:token': { GET: route('resetPassword', resetPasswordCallback) },
    '/reset-password': { POST: route('resetPassword', resetPasswordRoute) },
    '/send-verification-email': { POST: route('resendVerification', sendVerificationEmail) },
    '/verify-email': { GET: route('verifyEmail', verifyEmailRoute) },
    '/sign-in/magic-link': { POST: route('magicLink', signInMagicLink) },
    '/magic-link/verify': { GET: route('magicLinkVerify', magicLinkVerify) },
    // Issue 10: social sign-in through the mock identity providers (`signIn.social`).
    '/sign-in/social': { POST: route('socialSignIn', signInSocial) },
    '/callback/:provider': { GET: route('socialCallback', callbackSocial), POST: route('socialCallback', callbackSocial) },
    '/error': { GET: route(undefined, errorPage) },
  }
  return {
    name: 'better-auth',
    routes,
    encodeError: encodeBetterAuthError,
    // Kept by the browser entry's own jar (msw 2 keeps one Set-Cookie per response; these are HttpOnly).
    cookieNames: [false, true].flatMap((secure) => BETTER_AUTH_COOKIES.map((name) => cookieName(name, secure))),
    // The control API's session as a signed session cookie; the session token lives what was asked.
    mintCookies: async (ctx, opened, lifetime) => {
      if (lifetime.accessMs !== undefined) opened.session.expiresAt = ctx.now + lifetime.accessMs
      return sessionCookies(ctx, deps, opened, true)
    },
  }
}

export type { TrustedOrigins } from './trusted-origins.js'
export type { CookieMac } from './session-cookie.js'
