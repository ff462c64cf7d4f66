import { MfaChallenges, type MfaChallenge } from '../mfa/challenges.js'
import { Mailbox, type Mail } from './mailbox.js'
import { OneTimeTokens, type OneTimeToken } from './one-time-tokens.js'

/** An `AccountState` as JSON (the browser entry persists it so a reload keeps mails and links working). */
export interface AccountSnapshot {
  mailbox: { mails: Mail[]; sent: number }
  tokens: Array<[string, OneTimeToken]>
  challenges: MfaChallenge[]
  verified: string[]
}

/**
 * A namespace's state for the flows around sign-in: the outbox, the mailed single-use tokens,
 * pending MFA challenges and which users verified their email here. Made fresh by `reset()`.
 */
export class AccountState {
  constructor(
    readonly mailbox = new Mailbox(),
    readonly tokens = new OneTimeTokens(),
    readonly challenges = new MfaChallenges(),
    /**
     * Users who followed a verification (or magic) link in this namespace. Under a scenario that
     * requires verified emails only these sign in, whatever the seed users say.
     */
    readonly verified = new Set<string>(),
  ) {}

  snapshot(): AccountSnapshot {
    return { mailbox: this.mailbox.snapshot(), tokens: this.tokens.entries(), challenges: this.challenges.values(), verified: [...this.verified] }
  }

  static fromSnapshot(snapshot: AccountSnapshot): AccountState {
    return new AccountState(
      Mailbox.fromSnapshot(snapshot.mailbox),
      OneTimeTokens.fromEntries(snapshot.tokens),
      MfaChallenges.fromValues(snapshot.challenges),
      new Set(snapshot.verified),
    )
  }
}
