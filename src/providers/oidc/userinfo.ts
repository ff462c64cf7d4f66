import { jsonResult, type AuthResult } from '../../core/kernel.js'
import { bearerError } from '../oauth-errors.js'
import { readBearer } from '../bearer.js'
import { scopedClaims } from '../claims.js'
import type { ProviderContext } from '../context.js'
import { accountOf } from '../grants.js'

/** OIDC Core §5.3: the account's claims for the token's scope, `sub` always (openid-client checks it). */
export async function userinfo(ctx: ProviderContext): Promise<AuthResult> {
  const bearer = readBearer(ctx)
  if (!bearer.ok) return bearerError(bearer.presented ? bearer.description : undefined)
  const account = bearer.grant.sub === undefined ? undefined : accountOf(ctx, bearer.grant.sub)
  if (!account) return bearerError('The access token was issued to a client (client_credentials), not to a user.')
  const claims = scopedClaims(ctx, account, bearer.grant.scope)
  claims.sub = account.sub
  return jsonResult(200, claims)
}
