import type { NextAuthWire } from '../next-auth/wire.js'

/**
 * Auth.js v5 (next-auth 5 beta, @auth/core 0.41): the same routes as next-auth v4 with these
 * differences, read from @auth/core's `index.js` (`Auth()`'s catch), `lib/actions/*`, `jwt.js`.
 */
export const AUTHJS_V5: NextAuthWire = {
  name: 'authjs',
  cookiePrefix: 'authjs',
  // jwt.js: `dir` + A256CBC-HS512, HKDF salted with the cookie name, `kid` = JWK thumbprint.
  jwe: { enc: 'A256CBC-HS512', keyBytes: 64, saltedByCookieName: true, info: (salt) => `Auth.js Generated Encryption Key (${salt})`, kid: true },
  // `{}` reads as signed in to v5's client.
  signedOutBody: null,
  wantsJson: (headers) => headers.get('x-auth-return-redirect') !== null,
  // CredentialsSignin is a SignInError: its page is `signin`, with `code`.
  credentialsSignin: { status: 200, page: 'signin', params: { error: 'CredentialsSignin', code: 'credentials' } },
  // A plain error thrown in `authorize` becomes CallbackRouteError, not client-safe: `Configuration`.
  authorizeThrew: () => ({ status: 200, page: 'error', params: { error: 'Configuration' } }),
  // v5's way to pass a code: `authorize` throws a CredentialsSignin subclass with `code`.
  authorizeRefused: (code) => ({ status: 200, page: 'signin', params: { error: 'CredentialsSignin', code } }),
  missingCsrf: { page: 'signin', params: { error: 'MissingCSRF' } },
  // Errors are answered from `Auth()`'s catch, without the cookies `init()` set.
  errorsKeepCookies: false,
  sessionHeaders: { 'cache-control': 'private, no-cache, no-store', expires: '0', pragma: 'no-cache' },
  // A success converts the 302 to `{ url }` and keeps its headers, Location included.
  jsonKeepsLocation: true,
  // providers/google.js: `type: "oidc"`.
  oidcType: 'oidc',
  // lib/actions/callback/oauth/callback.js: the provider's `error=` is an OAuthCallbackError, a
  // client-safe SignInError (page `signin`); a failing token response (oauth4webapi's
  // ResponseBodyError) or a bad state check (InvalidCheck) is not client-safe: `Configuration`;
  // `signIn` false is AccessDenied (page `error`). Errors.js `clientErrors`, index.js's catch.
  oauthFailure: {
    state: { page: 'error', params: { error: 'Configuration' } },
    denied: { page: 'signin', params: { error: 'OAuthCallbackError' } },
    exchange: { page: 'error', params: { error: 'Configuration' } },
    refused: { page: 'error', params: { error: 'AccessDenied' } },
  },
  oauthSignInFailure: { page: 'error', params: { error: 'Configuration' } },
  // lib/pages/index.js: `signin(providerId)` throws UnknownAction (not client-safe) for any id.
  signInGet: { page: 'error', params: { error: 'Configuration' } },
}
