import { BoundedMap } from '../core/bounded-map.js'

/** What `/authorize` remembers for the token endpoint (RFC 6749 §4.1.2). */
export interface CodeGrant {
  providerId: string
  clientId: string
  redirectUri: string
  sub: string
  scope: string
  nonce?: string
  codeChallenge?: string
  codeChallengeMethod?: 'S256' | 'plain'
  authTime: number
  expiresAt: number
  /** Set once exchanged: a second exchange is refused and revokes what the first issued (RFC 6749 §4.1.2). */
  familyId?: string
}

export interface AccessGrant {
  providerId: string
  clientId: string
  /** Absent for client_credentials: no user behind the token. */
  sub?: string
  scope: string
  issuedAt: number
  expiresAt: number
  familyId?: string
}

/** A provider refresh-token family: one authorization and every token rotated from it (RFC 9700 §4.14.2). */
export interface RefreshFamily {
  id: string
  providerId: string
  clientId: string
  sub: string
  scope: string
  authTime: number
  current: string
  /** Exchanged tokens, kept (bounded) so presenting one again is detected as reuse. */
  rotated: string[]
  issuedAt: number
  expiresAt: number
}

export const MAX_CODES = 10_000
export const MAX_ACCESS_TOKENS = 20_000
export const MAX_FAMILIES = 10_000
/** Beyond this many rotations a family forgets its oldest exchanged tokens (they then read as unknown). */
export const MAX_ROTATED = 64

/**
 * One namespace's provider state, shared by every provider of the engine (each entry names its
 * provider): codes, access tokens, refresh families and the account the next authorization
 * gets. Every map is bounded; `reset()` of the namespace drops it all.
 */
export class ProviderState {
  readonly codes = new BoundedMap<CodeGrant>(MAX_CODES)
  readonly accessTokens = new BoundedMap<AccessGrant>(MAX_ACCESS_TOKENS)
  readonly families = new BoundedMap<RefreshFamily>(MAX_FAMILIES)
  /** Provider id -> account hint; only known provider ids are ever set, so it is bounded by them. */
  readonly #picks = new Map<string, string>()

  /** The account (email, login or sub) the next authorization at `providerId` gets, without the chooser. */
  pickNextAccount(providerId: string, account: string): void {
    this.#picks.set(providerId, account)
  }

  /** The pending pick, consumed: it applies to one authorization only. */
  takePick(providerId: string): string | undefined {
    const pick = this.#picks.get(providerId)
    this.#picks.delete(providerId)
    return pick
  }

  peekPick(providerId: string): string | undefined {
    return this.#picks.get(providerId)
  }

  clearPick(providerId: string): boolean {
    return this.#picks.delete(providerId)
  }

  /** Revokes a family and every access token issued from it. */
  revokeFamily(familyId: string): void {
    this.families.delete(familyId)
    this.accessTokens.deleteWhere((grant) => grant.familyId === familyId)
  }
}
