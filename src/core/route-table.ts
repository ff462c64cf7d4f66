import type { RouteContext } from './context.js'
import type { AuthResult } from './result.js'
import type { RouteName } from './scenario.js'
import { jwks } from './routes/jwks.js'
import { me } from './routes/me.js'
import { refresh } from './routes/refresh.js'
import { register } from './routes/register.js'
import { session } from './routes/session.js'
import { signIn } from './routes/sign-in.js'
import { signOut } from './routes/sign-out.js'

export type RouteFn = (ctx: RouteContext) => Promise<AuthResult>

export const ROUTE_FNS: Record<RouteName, RouteFn> = { signIn, session, signOut, register, me, refresh, jwks }

/**
 * Paths under the base path and the route each method reaches. Both the Next.js style
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
} as const satisfies Record<string, Partial<Record<string, RouteName>>>

export type AuthPath = keyof typeof AUTH_PATHS

/** Outside the base path, at the conventional discovery location (RFC 8414 §3 style). */
export const WELL_KNOWN_JWKS_PATH = '/.well-known/jwks.json'

export function isAuthPath(path: string): path is AuthPath {
  return Object.hasOwn(AUTH_PATHS, path)
}

/** The `Allow` header value for a path (RFC 9110 §10.2.1). */
export function allowedMethods(path: AuthPath): string {
  return [...Object.keys(AUTH_PATHS[path]), 'OPTIONS'].join(', ')
}
