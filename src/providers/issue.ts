import { ACCESS_TTL_MS, ID_TOKEN_TTL_MS, REFRESH_TTL_MS, type ProviderContext } from './context.js'
import { scopedClaims } from './claims.js'
import { opaqueToken } from './fields.js'
import { atHash } from './provider-keys.js'
import { MAX_ROTATED, type AccessGrant, type RefreshFamily } from './provider-state.js'
import type { ProviderAccount } from './types.js'

/** RFC 6749 §5.1 (+ OIDC Core §3.1.3.3 `id_token`). */
export interface TokenAnswer {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  scope: string
  refresh_token?: string
  id_token?: string
}

export interface IssueInput {
  clientId: string
  account?: ProviderAccount
  scope: string
  nonce?: string
  authTime?: number
  /** 'new': start a refresh family; a family: rotate it; undefined: no refresh token. */
  family?: 'new' | RefreshFamily
}

/**
 * Access tokens are opaque (as Google's and GitHub's are) and live in this namespace's state, so
 * userinfo, revocation and introspection check them for real. The id_token is issued for an
 * account when `openid` was granted and the provider speaks OIDC.
 */
export async function issueTokens(ctx: ProviderContext, input: IssueInput): Promise<TokenAnswer> {
  const accessToken = opaqueToken(ctx)
  let familyId: string | undefined
  let refreshToken: string | undefined
  const sub = input.account?.sub
  if (input.family === 'new' && sub !== undefined) {
    familyId = opaqueToken(ctx, 16)
    refreshToken = `${familyId}.${opaqueToken(ctx)}`
    ctx.state.families.set(familyId, {
      id: familyId,
      providerId: ctx.provider.id,
      clientId: input.clientId,
      sub,
      scope: input.scope,
      authTime: input.authTime ?? ctx.now,
      current: refreshToken,
      rotated: [],
      issuedAt: ctx.now,
      expiresAt: ctx.now + REFRESH_TTL_MS,
    })
  } else if (input.family !== undefined && input.family !== 'new') {
    const family = input.family
    familyId = family.id
    refreshToken = `${familyId}.${opaqueToken(ctx)}`
    family.rotated.push(family.current)
    if (family.rotated.length > MAX_ROTATED) family.rotated.shift()
    family.current = refreshToken
    family.expiresAt = ctx.now + REFRESH_TTL_MS
  }
  // Optional fields assigned, not spread in: a conditional spread takes V8's slow object-literal path.
  const grant: AccessGrant = { providerId: ctx.provider.id, clientId: input.clientId, scope: input.scope, issuedAt: ctx.now, expiresAt: ctx.now + ACCESS_TTL_MS }
  if (sub !== undefined) grant.sub = sub
  if (familyId !== undefined) grant.familyId = familyId
  ctx.state.accessTokens.set(accessToken, grant)
  const answer: TokenAnswer = { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TTL_MS / 1000, scope: input.scope }
  if (refreshToken !== undefined) answer.refresh_token = refreshToken
  if (input.account && ctx.provider.kind === 'oidc' && input.scope.split(' ').includes('openid')) {
    answer.id_token = await idToken(ctx, input.account, input, accessToken)
  }
  return answer
}

/**
 * The id_token (OIDC Core §2): registered claims last so no account claim overrides them, the
 * account's profile claims in the token itself (Auth.js v5 builds its profile from it alone),
 * `nonce` only when the authorization sent one (openid-client rejects one that was not asked for).
 */
async function idToken(ctx: ProviderContext, account: ProviderAccount, input: IssueInput, accessToken: string): Promise<string> {
  const iat = Math.floor(ctx.now / 1000)
  const payload = scopedClaims(ctx, account, input.scope)
  payload.iss = ctx.issuer
  payload.sub = account.sub
  payload.aud = input.clientId
  payload.azp = input.clientId
  payload.iat = iat
  payload.exp = iat + ID_TOKEN_TTL_MS / 1000
  payload.auth_time = Math.floor((input.authTime ?? ctx.now) / 1000)
  payload.at_hash = await atHash(ctx.sha256, accessToken)
  if (input.nonce !== undefined) payload.nonce = input.nonce
  else delete payload.nonce
  return (await ctx.keys()).signJwt(payload)
}
