import { AUTH_ERRORS, emptyResult, jsonResult, publicOrigin, type AuthResult, type ErrorContext, type ProtocolError } from '../../core/index.js'
import { encodeRestError } from '../rest/encode-error.js'
import { pageUrl } from './answers.js'
import type { NextAuthWire } from './wire.js'

/** Failures of the infrastructure rather than of `authorize`: they keep their HTTP status. */
const INFRASTRUCTURE = new Set(['rate_limited', 'service_unavailable'])

/**
 * A core error in next-auth's wire form, by operation. The clients parse every answer as JSON
 * and read `url`, so sign-in and sign-out failures are always `{ url }` with next-auth's `error`
 * (and v5's `code`) in it; a failing `/session` reads as signed out (`{}` / `null`) with the
 * failure's status, as the clients treat a failed session fetch. Errors outside an operation (404,
 * 405, a malformed body, an unknown scenario) keep mock-auth's JSON `{ error, message }`.
 */
export function encodeNextAuthError(wire: NextAuthWire, error: ProtocolError, ctx: ErrorContext): AuthResult {
  const result = encodeOnWire(wire, error, ctx)
  // The core code, whatever the wire says (v5 answers bad credentials with 200), for the journal.
  result.error = error.code
  return result
}

function encodeOnWire(wire: NextAuthWire, error: ProtocolError, ctx: ErrorContext): AuthResult {
  const status = AUTH_ERRORS[error.code].status
  const headers: Record<string, string> = { ...error.headers }
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
  const base = publicOrigin(ctx.request, ctx.config.publicOrigin) + ctx.config.basePath
  switch (ctx.operation) {
    case 'signIn': {
      const answer =
        error.code === 'invalid_credentials'
          ? wire.credentialsSignin
          : error.code === 'server_error'
            ? wire.authorizeThrew(error.message ?? AUTH_ERRORS.server_error.message)
            : wire.authorizeRefused(error.code)
      const code = INFRASTRUCTURE.has(error.code) ? status : answer.status
      return jsonResult(code, { url: pageUrl(base, answer.page, answer.params) }, headers)
    }
    case 'socialSignIn': {
      const answer = wire.oauthSignInFailure
      return jsonResult(INFRASTRUCTURE.has(error.code) ? status : 200, { url: pageUrl(base, answer.page, answer.params) }, headers)
    }
    case 'socialCallback': {
      // A browser navigation: the 302 to the error page next-auth gives a failed exchange.
      const answer = wire.oauthFailure.exchange
      return emptyResult(302, { ...headers, location: pageUrl(base, answer.page, answer.params) })
    }
    case 'signOut':
      return jsonResult(status, { url: pageUrl(base, 'error', { error: error.code }) }, headers)
    case 'session':
      return jsonResult(status, wire.signedOutBody, { ...wire.sessionHeaders, ...headers })
    default:
      return encodeRestError(error)
  }
}
