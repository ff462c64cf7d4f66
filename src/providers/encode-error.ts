import { AUTH_ERRORS, isAuthErrorCode, jsonResult, type AuthRequest, type AuthResult } from '../core/kernel.js'
import type { ProviderOperation } from './context.js'
import { bearerError, oauthCodeFor, oauthError, type OAuthErrorCode } from './oauth-errors.js'
import { checkRedirectUri, redirectTo } from './redirects.js'
import type { Provider } from './types.js'

export interface ProviderError {
  code: string
  message?: string
  headers?: Record<string, string>
  retryAfterSeconds?: number
}

/**
 * An engine error for a provider route, on the provider's wire: 404/405 as JSON, and a scenario's
 * canned answer (`respond.providerAuthorize: { error: 'access_denied' }`) at the authorization
 * endpoint as a redirect carrying `error`, `state` and `iss` (RFC 6749 §4.1.2.1, RFC 9207) when
 * the client and redirect URI check out; elsewhere an RFC 6749 §5.2 body.
 */
export function encodeProviderError(provider: Provider | undefined, request: AuthRequest, operation: ProviderOperation | undefined, error: ProviderError): AuthResult {
  const description = error.message ?? (isAuthErrorCode(error.code) ? AUTH_ERRORS[error.code].message : 'The provider failed (simulated).')
  const headers = { ...error.headers, ...(error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }) }
  if (error.code === 'not_found') return jsonResult(404, { error: 'not_found', error_description: description }, headers)
  if (error.code === 'method_not_allowed') return oauthError('invalid_request', description, 405, headers)
  if (error.code === 'unknown_scenario') return oauthError('invalid_request', description, 400, headers)
  const oauth = oauthCodeFor(error.code)
  if (provider && operation === 'providerAuthorize') {
    const url = new URL(request.url)
    const clientId = url.searchParams.get('client_id')
    const redirect = clientId === null ? undefined : checkRedirectUri(provider, clientId, url.searchParams.get('redirect_uri') ?? undefined)
    if (redirect?.ok) {
      const back = redirectTo(redirect.redirectUri, { error: oauth, error_description: description, state: url.searchParams.get('state') ?? undefined, ...(provider.kind === 'oidc' ? { iss: `${url.origin}/oidc/${provider.id}` } : {}) })
      Object.assign(back.headers, headers)
      return back
    }
  }
  if (operation === 'providerUserinfo' && oauth === 'invalid_token') return bearerError(description)
  return oauthError(oauth, description, statusFor(oauth, error.code), headers)
}

function statusFor(oauth: OAuthErrorCode, code: string): number {
  if (oauth === 'invalid_grant' || oauth === 'invalid_request') return 400
  if (oauth === 'invalid_client' || oauth === 'invalid_token') return 401
  if (oauth === 'access_denied') return 403
  return isAuthErrorCode(code) ? AUTH_ERRORS[code].status : 500
}
