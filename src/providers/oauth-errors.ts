import { jsonResult, type AuthResult } from '../core/kernel.js'

/** The error codes of RFC 6749 §4.1.2.1 and §5.2, OIDC Core §3.1.2.6, RFC 6750 §3.1 and RFC 7009 §2.2.1. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'login_required'
  | 'invalid_token'
  | 'unsupported_token_type'

/** RFC 6749 §5.1: token answers carry `Cache-Control: no-store` and `Pragma: no-cache`. */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const

/** An error as RFC 6749 §5.2 shapes it: `{ error, error_description }`, 400 unless said otherwise. */
export function oauthError(error: OAuthErrorCode, description: string, status = 400, headers: Record<string, string> = {}): AuthResult {
  return jsonResult(status, { error, error_description: description }, { ...NO_STORE, ...headers })
}

/** RFC 6750 §3: a Bearer challenge; `error` only when a token was presented (§3.1). */
export function bearerError(description?: string): AuthResult {
  if (description === undefined) {
    return jsonResult(401, { error: 'invalid_request', error_description: 'Send the access token as "Authorization: Bearer <token>".' }, { 'www-authenticate': 'Bearer realm="mock-auth"' })
  }
  const quoted = description.replace(/["\\]/g, "'")
  return jsonResult(401, { error: 'invalid_token', error_description: description }, { 'www-authenticate': `Bearer realm="mock-auth", error="invalid_token", error_description="${quoted}"` })
}

/** An engine error code (from a scenario's canned answer) as the OAuth code a client understands. */
export function oauthCodeFor(code: string): OAuthErrorCode {
  switch (code) {
    case 'access_denied':
    case 'invalid_request':
    case 'invalid_token':
    case 'server_error':
      return code
    case 'service_unavailable':
    case 'rate_limited':
      return 'temporarily_unavailable'
    case 'invalid_credentials':
    case 'unauthenticated':
      return 'invalid_client'
    case 'invalid_refresh_token':
    case 'refresh_token_expired':
    case 'refresh_token_reused':
    case 'token_expired':
      return 'invalid_grant'
    case 'account_locked':
      return 'access_denied'
    default:
      return 'server_error'
  }
}
