import type { ProviderContext } from './context.js'
import type { AccessGrant } from './provider-state.js'

export type BearerRead = { ok: true; token: string; grant: AccessGrant } | { ok: false; presented: boolean; description: string }

/**
 * The access token of a resource request: `Authorization: Bearer <token>` (RFC 6750 §2.1), or
 * GitHub's `Authorization: token <token>`, checked against this namespace's issued tokens.
 */
export function readBearer(ctx: ProviderContext, schemes: readonly string[] = ['bearer']): BearerRead {
  const header = ctx.request.headers.get('authorization')
  const match = header === null ? null : /^(\S+)\s+(\S+)\s*$/.exec(header)
  if (!match || !schemes.includes(match[1]!.toLowerCase())) {
    return { ok: false, presented: header !== null, description: header === null ? 'No access token.' : `The Authorization header must be "${schemes.map((s) => `${s[0]!.toUpperCase()}${s.slice(1)} <token>`).join('" or "')}".` }
  }
  const token = match[2]!
  const grant = ctx.state.accessTokens.get(token, ctx.now)
  if (!grant || grant.providerId !== ctx.provider.id) return { ok: false, presented: true, description: 'The access token is unknown, expired or revoked.' }
  return { ok: true, token, grant }
}
