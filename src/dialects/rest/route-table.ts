import type { OperationName, ProtocolRoute, RouteContext, RouteTable, AuthResult } from '../../core/index.js'
import { jwks } from '../../core/operations/jwks.js'
import { magicLink, magicLinkVerify } from './routes/magic-link.js'
import { me } from './routes/me.js'
import { mfaVerify } from './routes/mfa-verify.js'
import { forgotPassword, resetPassword } from './routes/password-reset.js'
import { refresh } from './routes/refresh.js'
import { register } from './routes/register.js'
import { session } from './routes/session.js'
import { signIn } from './routes/sign-in.js'
import { signOut } from './routes/sign-out.js'
import { resendVerification, verifyEmail } from './routes/verify-email.js'
import { providers, socialCallback, socialStart } from './routes/social.js'

export type RouteFn = (ctx: RouteContext) => Promise<AuthResult>

/** Each operation's REST handler (the REST contract serves a subset of the core's operations). */
export const ROUTE_FNS = {
  signIn,
  session,
  signOut,
  register,
  me,
  refresh,
  jwks,
  mfaVerify,
  verifyEmail,
  resendVerification,
  forgotPassword,
  resetPassword,
  magicLink,
  magicLinkVerify,
  providers,
  socialSignIn: socialStart,
  socialCallback,
} satisfies Partial<Record<OperationName, RouteFn>>

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
} as const satisfies Record<string, Partial<Record<string, keyof typeof ROUTE_FNS & OperationName>>>

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
  const routes = new Map<string, ProtocolRoute>(Object.entries(ROUTE_FNS).map(([operation, handle]) => [operation, { operation: operation as OperationName, handle }]))
  const table: Record<string, Record<string, ProtocolRoute>> = {}
  for (const [path, methods] of Object.entries(AUTH_PATHS)) {
    table[path] = {}
    for (const [method, operation] of Object.entries(methods)) table[path][method] = routes.get(operation) as ProtocolRoute
  }
  return table
})()
