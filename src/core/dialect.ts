import type { EngineConfig } from './config.js'
import type { RouteContext } from './context.js'
import type { AuthErrorCode } from './error-codes.js'
import type { OpenedSession } from './issue.js'
import type { OperationName } from './operation-names.js'
import type { AuthRequest } from './request.js'
import type { AuthResult } from './result.js'

/**
 * One route of a protocol: the operation it performs (what scenarios address and the journal
 * records) and the handler that decodes the request, runs core operations and encodes the outcome
 * in the protocol's wire form. The engine applies the scenario before `handle` is called.
 */
export interface ProtocolRoute {
  /**
   * Absent for protocol plumbing that is no auth operation (a CSRF token, a provider list, an HTML
   * page): no scenario `respond` applies to it, while `networkError` and `delay` still do.
   */
  readonly operation?: OperationName
  handle(ctx: RouteContext): Promise<AuthResult>
}

/**
 * Paths relative to where the protocol is mounted (`''` is the mount point itself), each mapping
 * upper-case methods to a route. A segment `:name` matches one path segment and is handed to the
 * handler as `ctx.params.name` (`/callback/:provider`).
 */
export type RouteTable = Readonly<Record<string, Readonly<Partial<Record<string, ProtocolRoute>>>>>

/** An error to put on the wire: from an operation, a scenario's canned `respond`, or the engine (404, 405...). */
export interface ProtocolError {
  code: AuthErrorCode
  /** Overrides the code's default sentence. */
  message?: string
  /** Extra headers, e.g. `Allow` on a 405 or `WWW-Authenticate` on a 401. */
  headers?: Record<string, string>
  /** Seconds for `Retry-After` (RFC 9110 §10.2.3), from a scenario's `retryAfter`. */
  retryAfterSeconds?: number
  /** Extra fields for the body (e.g. the known scenarios of `unknown_scenario`). */
  extra?: Record<string, unknown>
}

/** What an error encoder may read: the request, the engine's settings, and which operation failed. */
export interface ErrorContext {
  request: AuthRequest
  config: EngineConfig
  /** Undefined for errors outside any operation (unknown path, method not allowed, unknown scenario). */
  operation: OperationName | undefined
  /** The full route context when the error comes from a scenario or an operation (not for 404/405). */
  route?: RouteContext
}

/**
 * A wire protocol over the core's operations: a route table plus a codec for errors. Injected into
 * the engine; the core never imports one.
 */
export interface Protocol {
  readonly name: string
  readonly routes: RouteTable
  /**
   * True when only the paths in `routes` are this protocol's: any other path under its mount is
   * left alone (`engine.fetch` answers null, the MSW handlers have no catch-all for it), so the
   * app's own requests pass through. A contract's dialect, whose absolute paths are mounted at
   * the root, says so; a protocol owning a prefix (`/api/auth`, `/oidc/google`) answers 404 there.
   */
  readonly onlyOwnRoutes?: boolean
  /**
   * Cookies this protocol sets beyond the engine's own `session` and `refresh_token`: in a page,
   * mock-auth keeps them in its own jar (msw 2 keeps one Set-Cookie per response, and an HttpOnly
   * cookie cannot live in `document.cookie`).
   */
  readonly cookieNames?: readonly string[]
  /**
   * The Set-Cookie lines that sign a browser in to this protocol for a session opened without its
   * sign-in route: `mintTokens` (the controls' and the Playwright fixture's `signIn`/`mint`,
   * `POST /__mock-auth/token`), so a test starts signed in without the login form. `ctx.request.url`
   * is the app's URL (its scheme picks `__Secure-` names); `lifetime.accessMs` is the lifetime the
   * caller asked for (`ttl`, negative for `expired`), undefined for the protocol's usual one.
   * Absent: mock-auth's own `session` and `refresh_token` cookies.
   */
  mintCookies?(ctx: RouteContext, opened: OpenedSession, lifetime: { accessMs?: number }): Promise<string[]>
  /** Turns a core error code into this protocol's answer (`{error, message}`, `{url}`, `{code, message}`...). */
  encodeError(error: ProtocolError, ctx: ErrorContext): AuthResult
  /**
   * For a protocol that loads its implementation on first use (a dialect named to `createMockAuth`,
   * whose MSW handlers must exist before any module is loaded): the engine awaits this before it
   * hands the protocol a request or a mint, so `routes[..].handle`, `encodeError` and `mintCookies`
   * may rely on it. `name`, `routes` (their keys, methods and operations) and `cookieNames` must be
   * known before it resolves.
   */
  ready?(): Promise<void>
}

/** The protocol served under the engine's base path (rest, next-auth, authjs, better-auth, a contract). */
export type Dialect = Protocol

/**
 * A further protocol mounted at its own absolute path (a mock identity provider at `/oidc/google`).
 * Scenarios apply to it as to the dialect; unknown paths under `path` answer its 404.
 */
export interface MountedProtocol {
  /** Absolute path prefix, e.g. `/oidc/google`. */
  path: string
  protocol: Protocol
}

/**
 * A protocol's wire answer for an error, tagged with the core code (a dialect may answer an error
 * as a redirect or a page), which is what the journal records as `error`.
 */
export function encodeProtocolError(protocol: Protocol, error: ProtocolError, ctx: ErrorContext): AuthResult {
  const result = protocol.encodeError(error, ctx)
  result.error ??= error.code
  return result
}
