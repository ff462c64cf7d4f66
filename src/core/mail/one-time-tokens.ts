import { base64url } from '../base64url.js'
import type { MailKind } from './mailbox.js'

/** A token mailed to a user: verify an email, reset a password, sign in by link. */
export interface OneTimeToken {
  kind: MailKind
  userId: string
  /** The address it was sent to (a magic link for an unknown address signs up that address). */
  email: string
  expiresAt: number
  /** Where to send the browser after the link is followed (magic links). */
  redirectTo?: string
}

/** Live tokens kept per namespace; past this the oldest is forgotten (every store is bounded). */
export const ONE_TIME_TOKEN_LIMIT = 1000

export type ConsumeOutcome = { ok: true; token: OneTimeToken } | { ok: false; reason: 'unknown' | 'expired' }

/**
 * Single-use tokens: 256 random bits, base64url. A token is deleted the moment it is consumed
 * (or found expired), so presenting it again answers like an unknown one.
 */
export class OneTimeTokens {
  readonly #tokens = new Map<string, OneTimeToken>()

  constructor(readonly limit = ONE_TIME_TOKEN_LIMIT) {}

  issue(entry: OneTimeToken, random: Uint8Array): string {
    const token = base64url(random)
    this.#tokens.set(token, entry)
    if (this.#tokens.size > this.limit) this.#tokens.delete(this.#tokens.keys().next().value!)
    return token
  }

  /** Takes a token of `kind` out: a token of another kind is not found (a reset token cannot verify an email). */
  consume(kind: MailKind, token: string, now: number): ConsumeOutcome {
    const entry = this.#tokens.get(token)
    if (!entry || entry.kind !== kind) return { ok: false, reason: 'unknown' }
    this.#tokens.delete(token)
    if (entry.expiresAt <= now) return { ok: false, reason: 'expired' }
    return { ok: true, token: entry }
  }

  /** Whether a token of `kind` is live, without using it (better-auth checks a reset link before showing its page). */
  peek(kind: MailKind, token: string, now: number): boolean {
    const entry = this.#tokens.get(token)
    return entry !== undefined && entry.kind === kind && entry.expiresAt > now
  }

  /** Drops every token of `kind` for a user (a reset password makes the other reset mails useless). */
  revokeFor(userId: string, kind: MailKind): number {
    let removed = 0
    for (const [token, entry] of this.#tokens) {
      if (entry.userId === userId && entry.kind === kind) {
        this.#tokens.delete(token)
        removed++
      }
    }
    return removed
  }

  get size(): number {
    return this.#tokens.size
  }

  entries(): Array<[string, OneTimeToken]> {
    return [...this.#tokens]
  }

  static fromEntries(entries: Array<[string, OneTimeToken]>): OneTimeTokens {
    const tokens = new OneTimeTokens()
    for (const [token, entry] of entries.slice(-tokens.limit)) tokens.#tokens.set(token, entry)
    return tokens
  }
}
