import { emptyResult, jsonResult, type AuthResult } from '../../core/kernel.js'
import { authenticateClient } from '../client-auth.js'
import type { ProviderContext } from '../context.js'
import { readParams, type Params } from '../fields.js'
import { accountOf } from '../grants.js'
import { NO_STORE, oauthError } from '../oauth-errors.js'

type Found =
  | { kind: 'access_token'; clientId: string; sub: string | undefined; scope: string; iat: number; exp: number; familyId: string | undefined }
  | { kind: 'refresh_token'; clientId: string; sub: string; scope: string; iat: number; exp: number; familyId: string }

/** A token of this provider, access or refresh (a refresh token must be its family's current one). */
function findToken(ctx: ProviderContext, token: string): Found | undefined {
  const access = ctx.state.accessTokens.get(token, ctx.now)
  if (access && access.providerId === ctx.provider.id) {
    return { kind: 'access_token', clientId: access.clientId, sub: access.sub, scope: access.scope, iat: access.issuedAt, exp: access.expiresAt, familyId: access.familyId }
  }
  const family = ctx.state.families.get(token.split('.', 1)[0] ?? '', ctx.now)
  if (family && family.providerId === ctx.provider.id && family.current === token) {
    return { kind: 'refresh_token', clientId: family.clientId, sub: family.sub, scope: family.scope, iat: family.issuedAt, exp: family.expiresAt, familyId: family.id }
  }
  return undefined
}

async function clientAndToken(ctx: ProviderContext): Promise<{ ok: true; params: Params; clientId: string; token: string } | { ok: false; result: AuthResult }> {
  const read = await readParams(ctx)
  if (!read.ok) return read
  const client = authenticateClient(ctx, read.params)
  if (!client.ok) return client
  const token = read.params.token
  if (token === undefined || token === '') return { ok: false, result: oauthError('invalid_request', 'Send token: the access or refresh token.') }
  return { ok: true, params: read.params, clientId: client.clientId, token }
}

/**
 * RFC 7009 token revocation: 200 whether or not the token was known (§2.2), so it cannot be used
 * to probe tokens. A refresh token takes its whole family with it, and with that the access tokens
 * issued from it (§2.1: "SHOULD also invalidate all access tokens based on the same grant").
 */
export async function revoke(ctx: ProviderContext): Promise<AuthResult> {
  const read = await clientAndToken(ctx)
  if (!read.ok) return read.result
  const found = findToken(ctx, read.token)
  if (found && found.clientId !== read.clientId) return oauthError('unauthorized_client', `The token was issued to another client than "${read.clientId}" (RFC 7009 §2.1).`)
  if (found?.kind === 'refresh_token') ctx.state.revokeFamily(found.familyId)
  else if (found) ctx.state.accessTokens.delete(read.token)
  return emptyResult(200, NO_STORE)
}

/** RFC 7662 token introspection: `{active: false}` for anything unknown, expired or revoked (§2.2). */
export async function introspect(ctx: ProviderContext): Promise<AuthResult> {
  const read = await clientAndToken(ctx)
  if (!read.ok) return read.result
  const found = findToken(ctx, read.token)
  if (!found) return jsonResult(200, { active: false }, NO_STORE)
  const account = found.sub === undefined ? undefined : accountOf(ctx, found.sub)
  return jsonResult(
    200,
    {
      active: true,
      scope: found.scope,
      client_id: found.clientId,
      ...(account ? { username: account.email, sub: account.sub } : { sub: found.clientId }),
      token_type: found.kind === 'access_token' ? 'Bearer' : 'refresh_token',
      exp: Math.floor(found.exp / 1000),
      iat: Math.floor(found.iat / 1000),
      iss: ctx.issuer,
      aud: found.clientId,
    },
    NO_STORE,
  )
}
