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
  for (const source of [account.claims, ctx.claims]) {
    if (source === undefined) continue
    for (const key of Object.keys(source)) put(claims, key, source[key])
  }
  return claims
}

/**
 * The claims a token or userinfo answer carries for `scope` (space-separated, RFC 6749 §3.3):
 * standard claims only when their scope was granted, custom claims always, `sub` never (the
 * caller sets it last so nothing can override it).
 */
export function scopedClaims(ctx: ProviderContext, account: ProviderAccount, scope: string): Record<string, unknown> {
  const granted = scope.split(' ')
  const out: Record<string, unknown> = {}
  // The scenario's claims after the account's: a claim in both keeps its place and takes the
  // scenario's value, as in effectiveClaims, without building that object first.
  for (const source of [account.claims, ctx.claims]) {
    if (source === undefined) continue
    for (const key of Object.keys(source)) {
      const needs = SCOPED.get(key)
      if (key === 'sub' || (needs !== undefined && !granted.includes(needs))) continue
      put(out, key, source[key])
    }
  }
  return out
}

/**
 * An own, enumerable claim even when it is named `__proto__` (a claim from a JSON file can be):
 * plain assignment for every other name, since defining each property cost the id_token ~3 us
 * per request (a dictionary-mode object, slower again in JSON.stringify).
 */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

export const SUPPORTED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', ...SCOPE_CLAIMS.email!, ...SCOPE_CLAIMS.profile!]
export const SUPPORTED_SCOPES = ['openid', 'email', 'profile', 'offline_access']
