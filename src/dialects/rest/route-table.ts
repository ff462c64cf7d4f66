import type { OperationName, ProtocolRoute, RouteContext, RouteTable, AuthResult } from '../../core/kernel.js'
import { jwks } from '../../core/operations/jwks.js'

export type RouteFn = (ctx: RouteContext) => Promise<AuthResult>

type RouteLoader = () => Promise<RouteFn>

/**
 * Each operation's REST handler, loaded with its route module on the first request that reaches
 * it: a test file that only signs in never loads the MFA, mail, reset, magic-link or social
 * routes, nor the operations behind them (docs/architecture.md, "What loads when"). `jwks` is the
 * core's own and already loaded by the engine.
 */
export const ROUTE_LOADERS = {
  signIn: async () => (await import('./routes/sign-in.js')).signIn,
  session: async () => (await import('./routes/session.js')).session,
  signOut: async () => (await import('./routes/sign-out.js')).signOut,
  register: async () => (await import('./routes/register.js')).register,
  me: async () => (await import('./routes/me.js')).me,
  refresh: async () => (await import('./routes/refresh.js')).refresh,
  jwks: async () => jwks,
  mfaVerify: async () => (await import('./routes/mfa-verify.js')).mfaVerify,
  verifyEmail: async () => (await import('./routes/verify-email.js')).verifyEmail,
  resendVerification: async () => (await import('./routes/verify-email.js')).resendVerification,
  forgotPassword: async () => (await import('./routes/password-reset.js')).forgotPassword,
  resetPassword: async () => (await import('./routes/password-reset.js')).resetPassword,
  magicLink: async () => (await import('./routes/magic-link.js')).magicLink,
  magicLinkVerify: async () => (await import('./routes/magic-link.js')).magicLinkVerify,
  providers: async () => (await import('./routes/social.js')).providers,
  socialSignIn: async () => (await import('./routes/social.js')).socialStart,
  socialCallback: async () => (await import('./routes/social.js')).socialCallback,
} satisfies Partial<Record<OperationName, RouteLoader>>

/**
 * A route whose handler loads on its first call and then takes the route's place: later requests
 * call the route module's own function, with no wrapper in between (the session and sign-in
 * routes are the hot path of every bench row and test suite).
 */
function lazyRoute(operation: OperationName, load: RouteLoader): ProtocolRoute {
  const route: ProtocolRoute = {
    operation,
    async handle(ctx) {
      const handle = await load()
      route.handle = handle
      return handle(ctx)
    },
  }
  return route
}

/**
 * Paths under the base path and the operation each method reaches. Both the Next.js style
 * (`/api/auth` with POST/GET/DELETE) and the Express style (`/login`, `/logout`, ...) are served.
 */
export const AUTH_PATHS = {
  '': { POST: 'signIn', GET: 'session', DELETE: 'signOut' },
  '/login': { POST: 'signIn' },
  '/session': { GET: 'session', DELETE: 'signOut' },
  '/logout': { POST: 'signOut' },
  '/register': { POST: 'register' },
  '/me': { GET: 'me' },
  '/refresh': { POST: 'refresh' },
  '/jwks': { GET: 'jwks' },
  // Issue 13: MFA, email verification, password reset, magic links (docs/mfa-and-mail.md).
  '/mfa/verify': { POST: 'mfaVerify' },
  '/verify-email': { POST: 'verifyEmail' },
  '/verify-email/resend': { POST: 'resendVerification' },
  '/forgot-password': { POST: 'forgotPassword' },
  '/reset-password': { POST: 'resetPassword' },
  '/magic-link': { POST: 'magicLink' },
  '/magic-link/verify': { GET: 'magicLinkVerify', POST: 'magicLinkVerify' },
  // Social sign-in through the mock identity providers (docs/providers.md).
  '/providers': { GET: 'providers' },
  '/signin/:provider': { GET: 'socialSignIn', POST: 'socialSignIn' },
  '/callback/:provider': { GET: 'socialCallback' },
} as const satisfies Record<string, Partial<Record<string, keyof typeof ROUTE_LOADERS & OperationName>>>

export type AuthPath = keyof typeof AUTH_PATHS

export function isAuthPath(path: string): path is AuthPath {
  return Object.hasOwn(AUTH_PATHS, path)
}

/** The `Allow` header value for a path (RFC 9110 §10.2.1). */
export function allowedMethods(path: AuthPath): string {
  return [...Object.keys(AUTH_PATHS[path]), 'OPTIONS'].join(', ')
}

/** `AUTH_PATHS` as the engine's route table: one `ProtocolRoute` object per operation, shared. */
export const REST_ROUTES: RouteTable = (() => {
  const routes = new Map<string, ProtocolRoute>(Object.entries(ROUTE_LOADERS).map(([operation, load]) => [operation, lazyRoute(operation as OperationName, load)]))
  const table: Record<string, Record<string, ProtocolRoute>> = {}
  for (const [path, methods] of Object.entries(AUTH_PATHS)) {
    table[path] = {}
    for (const [method, operation] of Object.entries(methods)) table[path][method] = routes.get(operation) as ProtocolRoute
  }
  return table
})()
