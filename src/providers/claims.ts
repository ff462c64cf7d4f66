import type { ProviderContext } from './context.js'
import type { ProviderAccount } from './types.js'

/** OIDC Core §5.4: the claims each scope asks for. Claims outside every list are always given. */
const SCOPE_CLAIMS: Record<string, readonly string[]> = {
  email: ['email', 'email_verified'],
  profile: ['name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
}
const SCOPED = new Map(Object.entries(SCOPE_CLAIMS).flatMap(([scope, claims]) => claims.map((claim) => [claim, scope] as const)))

/** Every claim of the account with the scenario's claims laid over (e.g. `email_verified: false`). */
export function effectiveClaims(ctx: ProviderContext, account: ProviderAccount): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const source of [account.claims, ctx.claims ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      Object.defineProperty(claims, key, { value, enumerable: true, writable: true, configurable: true })
    }
  }
  return claims
}

/**
 * The claims a token or userinfo answer carries for `scope` (space-separated, RFC 6749 §3.3):
 * standard claims only when their scope was granted, custom claims always, `sub` never (the
 * caller sets it last so nothing can override it).
 */
export function scopedClaims(ctx: ProviderContext, account: ProviderAccount, scope: string): Record<string, unknown> {
  const granted = new Set(scope.split(' '))
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(effectiveClaims(ctx, account))) {
    const needs = SCOPED.get(key)
    if (key === 'sub' || (needs !== undefined && !granted.has(needs))) continue
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

export const SUPPORTED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', ...SCOPE_CLAIMS.email!, ...SCOPE_CLAIMS.profile!]
export const SUPPORTED_SCOPES = ['openid', 'email', 'profile', 'offline_access']
