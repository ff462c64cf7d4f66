import { jsonResult, type AuthResult } from '../../core/kernel.js'
import { SUPPORTED_CLAIMS, SUPPORTED_SCOPES } from '../claims.js'
import type { ProviderContext } from '../context.js'
import { PROVIDER_ALG } from '../provider-keys.js'

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none']

/**
 * OpenID Provider Metadata (OIDC Discovery §3, RFC 8414 §2): every endpoint this mock serves,
 * `userinfo_endpoint` always (Auth.js v5 refuses a provider without it), and RFC 9207's
 * `authorization_response_iss_parameter_supported`, since every authorization response has `iss`.
 */
export async function discovery(ctx: ProviderContext): Promise<AuthResult> {
  const at = (path: string) => `${ctx.issuer}${path}`
  return jsonResult(200, {
    issuer: ctx.issuer,
    authorization_endpoint: at('/authorize'),
    token_endpoint: at('/token'),
    userinfo_endpoint: at('/userinfo'),
    jwks_uri: at('/jwks'),
    revocation_endpoint: at('/revoke'),
    introspection_endpoint: at('/introspect'),
    end_session_endpoint: at('/end-session'),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [PROVIDER_ALG],
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: AUTH_METHODS,
    introspection_endpoint_auth_methods_supported: AUTH_METHODS,
    code_challenge_methods_supported: ['S256', 'plain'],
    scopes_supported: SUPPORTED_SCOPES,
    claims_supported: SUPPORTED_CLAIMS,
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
  })
}

export async function jwks(ctx: ProviderContext): Promise<AuthResult> {
  return jsonResult(200, (await ctx.keys()).jwks)
}
