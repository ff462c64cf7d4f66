import { base64url } from '../base64url.js'

/** A pending second factor: the password was right, the code is still owed. */
export interface MfaChallenge {
  id: string
  userId: string
  createdAt: number
  expiresAt: number
  /** Wrong codes so far. */
  failures: number
  /** A code accepted besides the user's TOTP (the `mfa` scenario's documented `000000`). */
  fixedCode?: string
}

/** How long a challenge lives on the engine clock, and how many wrong codes it takes. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60_000
export const MFA_MAX_FAILURES = 5
/** Pending challenges kept per namespace; past this the oldest is forgotten. */
export const MFA_CHALLENGE_LIMIT = 1000

/** Why a challenge is not there: never was (or answered), ran out of clock, or ran out of codes. */
export type ChallengeGone = 'unknown' | 'expired' | 'too_many_attempts'
export type ChallengeLookup = { ok: true; challenge: MfaChallenge } | { ok: false; reason: ChallengeGone }

/**
 * Pending MFA challenges of one namespace. A challenge is gone after `MFA_MAX_FAILURES` wrong codes
 * or `MFA_CHALLENGE_TTL_MS` of clock, and once it has been answered: a code cannot be replayed
 * against the same challenge, and guessing is capped per password entry.
 */
export class MfaChallenges {
  readonly #pending = new Map<string, MfaChallenge>()

  constructor(readonly limit = MFA_CHALLENGE_LIMIT) {}

  create(input: { userId: string; now: number; fixedCode?: string }, random: Uint8Array): MfaChallenge {
    const challenge: MfaChallenge = { id: base64url(random), userId: input.userId, createdAt: input.now, expiresAt: input.now + MFA_CHALLENGE_TTL_MS, failures: 0 }
    if (input.fixedCode !== undefined) challenge.fixedCode = input.fixedCode
    this.#pending.set(challenge.id, challenge)
    if (this.#pending.size > this.limit) this.#pending.delete(this.#pending.keys().next().value!)
    return challenge
  }

  /**
   * The live challenge with this id. An expired or exhausted one is dropped and reported once with
   * its reason (a dialect may word "too many attempts" apart from "expired"), then as unknown.
   */
  find(id: string, now: number): ChallengeLookup {
    const challenge = this.#pending.get(id)
    if (!challenge) return { ok: false, reason: 'unknown' }
    if (challenge.failures >= MFA_MAX_FAILURES) {
      this.#pending.delete(id)
      return { ok: false, reason: 'too_many_attempts' }
    }
    if (challenge.expiresAt <= now) {
      this.#pending.delete(id)
      return { ok: false, reason: 'expired' }
    }
    return { ok: true, challenge }
  }

  /** Counts a wrong code; at the limit the challenge is spent (kept only to say why). Returns the codes left. */
  fail(challenge: MfaChallenge): number {
    challenge.failures++
    return Math.max(0, MFA_MAX_FAILURES - challenge.failures)
  }

  /** Answered: the challenge is used up. */
  complete(challenge: MfaChallenge): void {
    this.#pending.delete(challenge.id)
  }

  get size(): number {
    return this.#pending.size
  }

  values(): MfaChallenge[] {
    return [...this.#pending.values()]
  }

  static fromValues(values: MfaChallenge[]): MfaChallenges {
    const challenges = new MfaChallenges()
    for (const challenge of values.slice(-challenges.limit)) challenges.#pending.set(challenge.id, challenge)
    return challenges
  }
}
