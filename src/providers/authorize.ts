import type { AuthResult } from '../core/index.js'
import { chooserPage, DECISION_PARAM } from './chooser-page.js'
import { CODE_TTL_MS, type ProviderContext } from './context.js'
import { opaqueToken, readParams, type Params } from './fields.js'
import { findAccount } from './normalize.js'
import { oauthError, type OAuthErrorCode } from './oauth-errors.js'
import { checkRedirectUri, redirectTo } from './redirects.js'
import type { ProviderAccount } from './types.js'

/** How one dialect's authorization endpoint differs (OIDC vs GitHub's OAuth 2.0). */
export interface AuthorizeDialect {
  /** RFC 9207: add `iss` to every authorization response (OIDC; GitHub sends none). */
  iss: boolean
  /** Require `response_type=code` (RFC 6749 §4.1.1; GitHub takes none). */
  responseType: boolean
  /** Parameters that name an account, first match wins (`login_hint`; GitHub's `login`). */
  hints: readonly string[]
  /** The scope when none is asked for. */
  defaultScope: string
}

/**
 * The authorization endpoint, code flow (RFC 6749 §4.1.1). Problems with the client or the
 * redirect URI are answered here as JSON, never by redirecting to an unchecked URI (§4.1.2.1);
 * every other outcome is a 302 to the redirect URI carrying `code` or `error`, `state` echoed and
 * `iss` added. The account is, in order: the one a test picked for the next authorization, the
 * one a hint names, the first when the provider auto-approves; otherwise the chooser is shown.
 */
export async function authorize(ctx: ProviderContext, dialect: AuthorizeDialect): Promise<AuthResult> {
  const read = await readParams(ctx)
  if (!read.ok) return read.result
  const params = read.params
  const clientId = params.client_id
  if (clientId === undefined || clientId === '') return oauthError('invalid_request', 'Send client_id: the application asking to sign the user in.')
  const redirect = checkRedirectUri(ctx.provider, clientId, params.redirect_uri)
  if (!redirect.ok) return oauthError(ctx.provider.clients?.has(clientId) === false ? 'unauthorized_client' : 'invalid_request', redirect.description)
  const back = (answer: Record<string, string | undefined>) => redirectTo(redirect.redirectUri, { ...answer, state: params.state, ...(dialect.iss ? { iss: ctx.issuer } : {}) })
  const refuse = (error: OAuthErrorCode, description: string) => back({ error, error_description: description })

  if (dialect.responseType && params.response_type !== 'code') {
    return refuse('unsupported_response_type', `response_type "${params.response_type ?? ''}" is not supported: this mock serves the code flow, send response_type=code.`)
  }
  const method = params.code_challenge_method ?? (params.code_challenge === undefined ? undefined : 'plain')
  if (method !== undefined && method !== 'S256' && method !== 'plain') return refuse('invalid_request', `code_challenge_method "${method}" is not supported; use S256 (or plain).`)
  if (method !== undefined && !/^[A-Za-z0-9._~-]{43,128}$/.test(params.code_challenge ?? '')) {
    return refuse('invalid_request', 'code_challenge must be 43 to 128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.2).')
  }
  if (params[DECISION_PARAM] === 'deny') return refuse('access_denied', 'The user denied the request.')

  const account = chooseAccount(ctx, params, dialect)
  if (!account) {
    if (params.prompt?.split(' ').includes('none')) return refuse('login_required', 'prompt=none, but no account is picked or hinted; the chooser cannot be shown (OIDC Core §3.1.2.6).')
    return chooserPage(ctx.provider, ctx.url.origin + ctx.url.pathname, params, dialect.hints[0] ?? 'login_hint')
  }
  const code = opaqueToken(ctx)
  ctx.state.codes.set(code, {
    providerId: ctx.provider.id,
    clientId,
    redirectUri: redirect.redirectUri,
    sub: account.sub,
    scope: params.scope ?? dialect.defaultScope,
    ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
    ...(method === undefined ? {} : { codeChallenge: params.code_challenge!, codeChallengeMethod: method }),
    authTime: ctx.now,
    expiresAt: ctx.now + CODE_TTL_MS,
  })
  return back({ code })
}

function chooseAccount(ctx: ProviderContext, params: Params, dialect: AuthorizeDialect): ProviderAccount | undefined {
  const picked = ctx.state.takePick(ctx.provider.id)
  if (picked !== undefined) {
    const account = findAccount(ctx.provider, picked)
    if (account) return account
  }
  for (const name of dialect.hints) {
    const hint = params[name]
    const account = hint === undefined || hint === '' ? undefined : findAccount(ctx.provider, hint)
    if (account) return account
  }
  return ctx.provider.autoApprove ? ctx.provider.accounts[0] : undefined
}
