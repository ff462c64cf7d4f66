import type { ChallengeGone } from '../mfa/challenges.js'
import { verifyTotp } from '../mfa/totp.js'
import type { StoredUser } from '../users.js'
import type { FlowDeps } from './sign-in-gate.js'

export type MfaVerifyOutcome =
  | { ok: true; user: StoredUser }
  | { ok: false; error: 'mfa_challenge_expired'; reason: ChallengeGone }
  | { ok: false; error: 'invalid_mfa_code'; attemptsLeft: number }

/**
 * Answers a pending challenge with a code: the user's TOTP (RFC 6238, the engine clock, one step
 * either side) or the scenario's fixed code. A right code uses the challenge up; the fifth wrong
 * one, or five minutes of clock, makes it gone.
 */
export async function verifyMfa(deps: FlowDeps, input: { challengeId: string; code: string }): Promise<MfaVerifyOutcome> {
  const challenges = deps.state.account.challenges
  const found = challenges.find(input.challengeId, deps.now)
  const user = found.ok ? deps.state.store.users.get(found.challenge.userId) : undefined
  if (!found.ok) return { ok: false, error: 'mfa_challenge_expired', reason: found.reason }
  if (!user) return { ok: false, error: 'mfa_challenge_expired', reason: 'unknown' }
  const { challenge } = found
  const code = input.code.replace(/\s+/g, '')
  const byTotp = user.mfa ? await verifyTotp(user.mfa.totp, code, deps.now) : false
  if (byTotp || (challenge.fixedCode !== undefined && code === challenge.fixedCode)) {
    challenges.complete(challenge)
    return { ok: true, user }
  }
  return { ok: false, error: 'invalid_mfa_code', attemptsLeft: challenges.fail(challenge) }
}
