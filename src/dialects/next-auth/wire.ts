/**
 * What differs between next-auth v4's wire and Auth.js v5's (@auth/core), as data: one codec
 * reads it, so the authjs dialect is these values, not a copy of the code. Sources: next-auth
 * 4.24 `src/core/{index,lib/cookie,lib/csrf-token,routes/*}.ts`, `src/next/index.ts`, `src/jwt`;
 * @auth/core 0.41 `index.js`, `lib/index.js`, `lib/actions/*`, `jwt.js`.
 */
export interface NextAuthWire {
  /** The dialect's name, as `--dialect` takes it. */
  name: 'next-auth' | 'authjs'
  /** Cookie names are `<prefix>.session-token`, `.csrf-token`, `.callback-url`. */
  cookiePrefix: 'next-auth' | 'authjs'
  /** The session JWE: `dir` with this `enc`, key from HKDF-SHA256 (RFC 5869). */
  jwe: {
    enc: 'A256GCM' | 'A256CBC-HS512'
    /** Key length in bytes: 32 for A256GCM, 64 for A256CBC-HS512 (RFC 7518 §5.2.5). */
    keyBytes: 32 | 64
    /** v5 salts with the cookie name and says so in `info`; v4 salts with "" and a fixed `info`. */
    saltedByCookieName: boolean
    info(salt: string): string
    /** v5 puts the key's JWK thumbprint (RFC 7638) in `kid`; v4 has none. */
    kid: boolean
  }
  /** `/session` signed out (and after a bad CSRF on `POST /session`, with 400): v4 `{}`, v5 `null`. */
  signedOutBody: Record<string, never> | null
  /** When a redirect is answered as `{ url }` JSON instead of a 302: v4 body `json=true`, v5 header `X-Auth-Return-Redirect`. */
  wantsJson(headers: { get(name: string): string | null }, fields: Record<string, unknown>): boolean
  /** Bad credentials: status and the page/query next-auth puts in `url`. */
  credentialsSignin: { status: number; page: 'error' | 'signin'; params: Record<string, string> }
  /** `authorize` threw (the `server-error` scenario): v4 401 `error=<message>`, v5 `error=Configuration`. */
  authorizeThrew(message: string): { status: number; page: 'error' | 'signin'; params: Record<string, string> }
  /** Another failure inside `authorize` (locked...): how this version passes an error code to the client. */
  authorizeRefused(code: string): { status: number; page: 'error' | 'signin'; params: Record<string, string> }
  /** A POST whose CSRF token did not verify: the page and query of its redirect. */
  missingCsrf: { page: 'signin'; params: Record<string, string> }
  /** Whether a failed sign-in answer still carries the cookies set on the way (v5 answers errors without them). */
  errorsKeepCookies: boolean
  /** Extra headers on `GET /session` (v5: `private, no-cache, no-store`, `Expires: 0`, `Pragma`). */
  sessionHeaders: Record<string, string>
  /** v5 keeps `Location` on a successful `{ url }` JSON answer (it converts its own 302). */
  jsonKeepsLocation: boolean
  /** An OpenID Connect provider's (Google's) `type` in `/providers`: v4 `oauth`, v5 `oidc` (OAuth 2.0 ones are `oauth` in both). */
  oidcType: 'oauth' | 'oidc'
  /** Where a failed OAuth callback sends the browser, by the stage it failed at (see `OAuthFailureStage`). */
  oauthFailure: Record<OAuthFailureStage, { page: 'error' | 'signin'; params: Record<string, string> }>
  /** `POST /signin/<id>` failing (a scenario's canned `socialSignIn`): v4 `OAuthSignin`, v5 `Configuration` (OAuthSignInError is not client-safe). */
  oauthSignInFailure: { page: 'error'; params: Record<string, string> }
  /**
   * `GET /signin/<id>` (a link or a typed URL; the client always POSTs): v4 renders the sign-in
   * page whatever the id (core/index.js `case "signin"` ignores it); v5's `renderPage().signin`
   * throws `UnknownAction` for any id, which `Auth()`'s catch answers as a 302 to
   * `error?error=Configuration` without cookies (`{ url }` with `X-Auth-Return-Redirect`).
   */
  signInGet: 'page' | { page: 'error'; params: Record<string, string> }
}

/**
 * Why an OAuth callback failed: `state` (no sign-in of ours: unknown or spent state), `denied`
 * (the provider redirected back with `error=`, e.g. Deny), `exchange` (the token endpoint or
 * user lookup failed), `refused` (an unverified email: what the app's `signIn` callback
 * returning false gives, the check next-auth's Google docs show).
 */
export type OAuthFailureStage = 'state' | 'denied' | 'exchange' | 'refused'

/** next-auth 4.24.x. */
export const NEXT_AUTH_V4: NextAuthWire = {
  name: 'next-auth',
  cookiePrefix: 'next-auth',
  jwe: { enc: 'A256GCM', keyBytes: 32, saltedByCookieName: false, info: (salt) => `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, kid: false },
  signedOutBody: {},
  wantsJson: (_headers, fields) => fields.json === 'true',
  credentialsSignin: { status: 401, page: 'error', params: { error: 'CredentialsSignin', provider: 'credentials' } },
  authorizeThrew: (message) => ({ status: 401, page: 'error', params: { error: message } }),
  authorizeRefused: (code) => ({ status: 401, page: 'error', params: { error: code } }),
  missingCsrf: { page: 'signin', params: { csrf: 'true' } },
  errorsKeepCookies: true,
  sessionHeaders: {},
  jsonKeepsLocation: false,
  // providers/google.js: `type: "oauth"` with `idToken: true`.
  oidcType: 'oauth',
  // core/routes/callback.js: `?error=` from the provider is a plain Error thrown before the
  // OAuthCallbackError wrapper (lib/oauth/callback.js), so it lands as `Callback`; a failing token
  // request or a missing state cookie is wrapped, `OAuthCallback`; `signIn` false, `AccessDenied`.
  oauthFailure: {
    state: { page: 'error', params: { error: 'OAuthCallback' } },
    denied: { page: 'error', params: { error: 'Callback' } },
    exchange: { page: 'error', params: { error: 'OAuthCallback' } },
    refused: { page: 'error', params: { error: 'AccessDenied' } },
  },
  oauthSignInFailure: { page: 'error', params: { error: 'OAuthSignin' } },
  signInGet: 'page',
}
