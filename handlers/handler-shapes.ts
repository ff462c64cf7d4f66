import type { DialectName } from '../src/dialects/registry.js'
import type { MockAuthOptions } from './engine-options.js'
import type { HandlerShape, MountShape } from './route-handlers.js'

/**
 * The handlers' shape for options that need no checking beyond `baseUrl` (checked by the caller)
 * and leave the routes as built in: nothing but `baseUrl`, `namespace`, a dialect by name and
 * `providers: false`. Known before the engine loads, so the Node entries make their msw handlers
 * from it at once and build the engine on first use. `undefined` for any other option (users,
 * scenarios, limits, a contract...): the engine is built at once then, so a bad option throws
 * where it was given.
 */
export function shapeAhead(options: MockAuthOptions, basePath: string): HandlerShape | undefined {
  for (const [key, value] of Object.entries(options)) if (value !== undefined && !READ_AHEAD_OPTIONS.has(key)) return undefined
  if (options.providers !== undefined && options.providers !== false) return undefined
  const name = options.dialect ?? 'rest'
  if (typeof name !== 'string' || !Object.hasOwn(DIALECT_SHAPES, name)) return undefined
  const dialect = DIALECT_SHAPES[name]
  const providers = options.providers === false ? [] : BUILTIN_PROVIDER_MOUNTS
  return { basePath, cookieNames: [...dialect.cookieNames], mounts: [...providers.map((m) => ({ ...m, routes: [...m.routes] })), { path: basePath, routes: [...dialect.routes], onlyOwnRoutes: false }] }
}

const READ_AHEAD_OPTIONS: ReadonlySet<string> = new Set(['baseUrl', 'namespace', 'dialect', 'providers'])

// Generated from engines by test/handlers/handler-shapes.test.ts (UPDATE_SHAPES=1 npx vitest run
// test/handlers/handler-shapes.test.ts rewrites it); that test fails when it falls behind.
// BEGIN GENERATED
export const DIALECT_SHAPES: Record<DialectName, { cookieNames: readonly string[]; routes: readonly string[] }> = {
  "rest": { cookieNames: [], routes: ["","/login","/session","/logout","/register","/me","/refresh","/jwks","/mfa/verify","/verify-email","/verify-email/resend","/forgot-password","/reset-password","/magic-link","/magic-link/verify","/providers","/signin/:provider","/callback/:provider"] },
  "next-auth": { cookieNames: ["next-auth.session-token","next-auth.csrf-token","next-auth.callback-url","__Secure-next-auth.session-token","__Host-next-auth.csrf-token","__Secure-next-auth.callback-url"], routes: ["/csrf","/providers","/callback/credentials","/callback/email","/signin/email","/signin/:provider","/callback/:provider","/verify-request","/session","/signout","/signin","/error"] },
  "authjs": { cookieNames: ["authjs.session-token","authjs.csrf-token","authjs.callback-url","__Secure-authjs.session-token","__Host-authjs.csrf-token","__Secure-authjs.callback-url"], routes: ["/csrf","/providers","/callback/credentials","/callback/email","/signin/email","/signin/:provider","/callback/:provider","/verify-request","/session","/signout","/signin","/error"] },
  "better-auth": { cookieNames: ["better-auth.session_token","better-auth.session_data","better-auth.dont_remember","better-auth.two_factor","__Secure-better-auth.session_token","__Secure-better-auth.session_data","__Secure-better-auth.dont_remember","__Secure-better-auth.two_factor"], routes: ["/sign-up/email","/sign-in/email","/get-session","/sign-out","/list-sessions","/revoke-session","/revoke-sessions","/revoke-other-sessions","/update-user","/change-password","/two-factor/verify-totp","/request-password-reset","/reset-password/:token","/reset-password","/send-verification-email","/verify-email","/sign-in/magic-link","/magic-link/verify","/sign-in/social","/callback/:provider","/error"] },
}

export const BUILTIN_PROVIDER_MOUNTS: readonly MountShape[] = [
  { path: "/oidc/google", routes: ["/.well-known/openid-configuration","/authorize","/token","/userinfo","/jwks","/revoke","/introspect","/end-session"], onlyOwnRoutes: false },
  { path: "/oidc/github", routes: ["/login/oauth/authorize","/login/oauth/access_token","/authorize","/token","/user","/user/emails","/revoke","/introspect"], onlyOwnRoutes: false },
  { path: "/oidc", routes: [""], onlyOwnRoutes: false },
]
// END GENERATED
