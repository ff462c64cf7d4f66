import type { ClientAuth } from './client-auth.js'
import type { ProviderContext } from './context.js'
import type { Params } from './fields.js'
import { issueTokens, type TokenAnswer } from './issue.js'
import type { OAuthErrorCode } from './oauth-errors.js'
import { pkceChallenge } from './provider-keys.js'
import type { ProviderAccount } from './types.js'

export type GrantOutcome = { ok: true; answer: TokenAnswer } | { ok: false; error: OAuthErrorCode; description: string }

type Client = Extract<ClientAuth, { ok: true }>

const refused = (error: OAuthErrorCode, description: string): GrantOutcome => ({ ok: false, error, description })

export interface GrantOptions {
  /** GitHub: `redirect_uri` may be left out of the token request even when the authorization had one. */
  redirectUriOptional?: boolean
}

/** The grants of the token endpoint, as outcomes; each dialect encodes them its own way. */
export async function runGrant(ctx: ProviderContext, params: Params, client: Client, options: GrantOptions = {}): Promise<GrantOutcome> {
  switch (params.grant_type) {
    case 'authorization_code':
      return codeGrant(ctx, params, client, options)
    case 'refresh_token':
      return refreshGrant(ctx, params, client)
    case 'client_credentials':
      return { ok: true, answer: await issueTokens(ctx, { clientId: client.clientId, scope: params.scope ?? '' }) }
    case undefined:
    case '':
      return refused('invalid_request', 'Send grant_type: authorization_code, refresh_token or client_credentials.')
    default:
      return refused('unsupported_grant_type', `grant_type "${params.grant_type}" is not supported; use authorization_code, refresh_token or client_credentials.`)
  }
}

/**
 * RFC 6749 §4.1.3: the code is single use, bound to its client and redirect URI; RFC 7636 §4.6:
 * the verifier must match the challenge. A code presented twice also revokes the tokens its first
 * exchange issued (RFC 6749 §4.1.2: "SHOULD revoke ... all tokens previously issued").
 */
async function codeGrant(ctx: ProviderContext, params: Params, client: Client, options: GrantOptions): Promise<GrantOutcome> {
  const code = params.code
  if (code === undefined || code === '') return refused('invalid_request', 'Send code: the authorization code the redirect carried.')
  const grant = ctx.state.codes.get(code, ctx.now)
  if (!grant || grant.providerId !== ctx.provider.id) return refused('invalid_grant', 'The authorization code is unknown or expired (codes live 10 minutes). Start the sign-in again.')
  if (grant.familyId !== undefined) {
    ctx.state.revokeFamily(grant.familyId)
    ctx.state.codes.delete(code)
    return refused('invalid_grant', 'The authorization code was already used; the tokens it gave have been revoked (RFC 6749 §4.1.2).')
  }
  if (grant.clientId !== client.clientId) return refused('invalid_grant', `The authorization code was issued to client "${grant.clientId}", not "${client.clientId}".`)
  const omitted = params.redirect_uri === undefined && (options.redirectUriOptional === true || ctx.provider.clients?.get(client.clientId)?.redirectUris.length === 1)
  if (params.redirect_uri !== grant.redirectUri && !omitted) {
    return refused('invalid_grant', `redirect_uri must be the one of the authorization request ("${grant.redirectUri}"), got ${params.redirect_uri === undefined ? 'none' : `"${params.redirect_uri}"`}.`)
  }
  const verifier = params.code_verifier
  if (grant.codeChallenge !== undefined) {
    if (verifier === undefined) return refused('invalid_grant', 'The authorization used PKCE: send code_verifier (RFC 7636 §4.5).')
    if ((await pkceChallenge(ctx.sha256, verifier, grant.codeChallengeMethod ?? 'plain')) !== grant.codeChallenge) {
      return refused('invalid_grant', `code_verifier does not match the code_challenge (${grant.codeChallengeMethod}); send the verifier this authorization started with.`)
    }
  } else if (verifier !== undefined) {
    return refused('invalid_grant', 'code_verifier was sent but the authorization had no code_challenge (RFC 9700 §2.1.1).')
  }
  const account = accountOf(ctx, grant.sub)
  if (!account) return refused('invalid_grant', 'The account of this code no longer exists.')
  const answer = await issueTokens(ctx, { clientId: client.clientId, account, scope: grant.scope, ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }), authTime: grant.authTime, family: 'new' })
  // Kept (marked used) until it expires, so a replay is recognised rather than "unknown".
  const familyId = answer.refresh_token?.split('.', 1)[0]
  grant.familyId = familyId ?? ''
  return { ok: true, answer }
}

/**
 * RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2), as the engine's own families:
 * each refresh token works once; presenting an exchanged one revokes the whole family.
 */
async function refreshGrant(ctx: ProviderContext, params: Params, client: Client): Promise<GrantOutcome> {
  const token = params.refresh_token
  if (token === undefined || token === '') return refused('invalid_request', 'Send refresh_token.')
  const familyId = token.split('.', 1)[0] ?? ''
  const family = ctx.state.families.get(familyId, ctx.now)
  if (!family || family.providerId !== ctx.provider.id || (family.current !== token && !family.rotated.includes(token))) {
    return refused('invalid_grant', 'The refresh token is unknown, expired or revoked. Sign in again.')
  }
  if (family.current !== token) {
    ctx.state.revokeFamily(family.id)
    return refused('invalid_grant', 'The refresh token was already used; its whole family has been revoked (reuse detection, RFC 9700 §4.14.2). Sign in again.')
  }
  if (family.clientId !== client.clientId) return refused('invalid_grant', `The refresh token was issued to client "${family.clientId}", not "${client.clientId}".`)
  let scope = family.scope
  if (params.scope !== undefined && params.scope !== '') {
    const granted = new Set(family.scope.split(' '))
    const extra = params.scope.split(' ').filter((s) => !granted.has(s))
    if (extra.length > 0) return refused('invalid_scope', `A refresh cannot widen the grant (RFC 6749 §6): ${extra.join(', ')} was not granted.`)
    scope = params.scope
  }
  const account = accountOf(ctx, family.sub)
  if (!account) return refused('invalid_grant', 'The account of this refresh token no longer exists.')
  return { ok: true, answer: await issueTokens(ctx, { clientId: client.clientId, account, scope, authTime: family.authTime, family }) }
}

export function accountOf(ctx: ProviderContext, sub: string): ProviderAccount | undefined {
  return ctx.provider.accounts.find((a) => a.sub === sub)
}
