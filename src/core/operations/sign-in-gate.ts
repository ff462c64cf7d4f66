import type { RouteContext } from '../context.js'
import type { MfaChallenge } from '../mfa/challenges.js'
import type { StoredUser } from '../users.js'

/** What a flow operation reads from a request's context: the namespace, its clock, randomness, the scenario. */
export type FlowDeps = Pick<RouteContext, 'state' | 'random' | 'now' | 'scenario'>

/** What stands between a right password and a session. */
export type SignInGate = { kind: 'pass' } | { kind: 'error'; error: 'email_not_verified' } | { kind: 'mfa'; challenge: MfaChallenge }

/**
 * Whether this user's email counts as verified: a user seeded with `emailVerified: false` is not
 * until they follow a verification link; under a scenario with `requireVerifiedEmail` only users
 * who followed one in this namespace are.
 */
export function isEmailVerified(deps: FlowDeps, user: StoredUser): boolean {
  if (deps.state.account.verified.has(user.id)) return true
  if (deps.scenario.requireVerifiedEmail) return false
  return user.emailVerified !== false
}

/**
 * Run after the password was checked: an unverified email is refused (403), a user with a TOTP
 * secret, or anyone under a scenario with `requireMfa`, gets a challenge instead of a session.
 */
export function signInGate(deps: FlowDeps, user: StoredUser): SignInGate {
  if (!isEmailVerified(deps, user)) return { kind: 'error', error: 'email_not_verified' }
  const required = deps.scenario.requireMfa
  if (!user.mfa && !required) return { kind: 'pass' }
  const input = { userId: user.id, now: deps.now, ...(required?.fixedCode === undefined ? {} : { fixedCode: required.fixedCode }) }
  return { kind: 'mfa', challenge: deps.state.account.challenges.create(input, deps.random.bytes(24)) }
}
