/**
 * The names mock-auth puts on the wire for its own use, in a module of their own: the entries'
 * handler side reads them before the engine loads (docs/architecture.md, "What loads when").
 */
export const NAMESPACE_HEADER = 'x-mock-auth-namespace'
export const NAMESPACE_COOKIE = 'mock-auth-namespace'
export const SCENARIO_HEADER = 'x-mock-auth-scenario'
export const SCENARIO_COOKIE = 'mock-auth-scenario'
export const DEFAULT_NAMESPACE = 'default'
/** Outside the base path, at the conventional discovery location (RFC 8414 §3 style); served in every dialect. */
export const WELL_KNOWN_JWKS_PATH = '/.well-known/jwks.json'
/** The REST dialect's cookies: the access token and the refresh token (HttpOnly, see cookies.ts). */
export const SESSION_COOKIE = 'session'
export const REFRESH_COOKIE = 'refresh_token'
