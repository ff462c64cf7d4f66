import { MfaChallenges } from '../mfa/challenges.js'
import { Mailbox } from './mailbox.js'
import { OneTimeTokens } from './one-time-tokens.js'

/**
 * A namespace's state for the flows around sign-in: the outbox, the mailed single-use tokens,
 * pending MFA challenges and which users verified their email here. Made fresh by `reset()`.
 */
export class AccountState {
  readonly mailbox = new Mailbox()
  readonly tokens = new OneTimeTokens()
  readonly challenges = new MfaChallenges()
  /**
   * Users who followed a verification (or magic) link in this namespace. Under a scenario that
   * requires verified emails only these sign in, whatever the seed users say.
   */
  readonly verified = new Set<string>()
}
