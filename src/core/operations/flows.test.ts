import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../../scenarios/index.js'
import { resolveConfig } from '../config.js'
import { defineScenario } from '../scenario.js'
import { totpCode } from '../mfa/totp.js'
import { RandomPool } from '../random-pool.js'
import { NamespaceState } from '../state.js'
import { resendVerification, sendVerification, verifyEmail } from './email-verification.js'
import { consumeMagicLink, requestMagicLink } from './magic-link.js'
import { verifyMfa } from './mfa-verify.js'
import { forgotPassword, resetPassword } from './password-reset.js'
import { signInGate, type FlowDeps } from './sign-in-gate.js'

const SECRET = 'JBSWY3DPEHPK3PXP'
// The shapes of the built-in `mfa` and `unverified-email` scenarios, declared here so the core is tested alone.
const SCENARIOS = [
  ...builtinScenarios,
  defineScenario({ name: 'test-mfa', description: 'mfa', requireMfa: { fixedCode: '000000' } }),
  defineScenario({ name: 'test-unverified', description: 'unverified', requireVerifiedEmail: true }),
]
const START = Date.UTC(2030, 0, 1)

function setup(scenario = 'default') {
  const config = resolveConfig({
    scenarios: SCENARIOS,
    scenario,
    clock: { start: START, source: () => 0 },
    users: [
      { id: 'u1', username: 'ann', email: 'ann@example.com', password: 'pw' },
      { id: 'u2', username: 'otp', email: 'otp@example.com', password: 'pw', mfa: { totp: SECRET } },
      { id: 'u3', username: 'new', email: 'new@example.com', password: 'pw', emailVerified: false },
    ],
  })
  const state = new NamespaceState('t', config)
  const random = new RandomPool()
  const deps = (): FlowDeps => ({ state, random, now: state.clock.now(), scenario: state.scenario })
  const user = (id: string) => state.store.users.get(id)!
  const link = (token: string) => `http://app/x?token=${token}`
  return { state, deps, user, link }
}

describe('sign-in gate', () => {
  it('passes a plain user, refuses an unverified email, challenges a TOTP user', () => {
    const { deps, user } = setup()
    expect(signInGate(deps(), user('u1'))).toEqual({ kind: 'pass' })
    expect(signInGate(deps(), user('u3'))).toEqual({ kind: 'error', error: 'email_not_verified' })
    expect(signInGate(deps(), user('u2'))).toMatchObject({ kind: 'mfa', challenge: { userId: 'u2', expiresAt: START + 300_000 } })
  })

  it('under requireVerifiedEmail only users verified in this namespace pass', () => {
    const { state, deps, user, link } = setup('test-unverified')
    expect(signInGate(deps(), user('u1'))).toMatchObject({ kind: 'error', error: 'email_not_verified' })
    sendVerification(deps(), user('u1'), link)
    const [mail] = state.account.mailbox.list()
    expect(mail).toMatchObject({ kind: 'verify-email', to: 'ann@example.com', link: `http://app/x?token=${mail!.token}` })
    expect(verifyEmail(deps(), mail!.token)).toMatchObject({ ok: true, user: { id: 'u1' } })
    expect(verifyEmail(deps(), mail!.token)).toEqual({ ok: false, error: 'invalid_verification_token' })
    expect(signInGate(deps(), user('u1'))).toEqual({ kind: 'pass' })
  })
})

describe('MFA verification', () => {
  it('accepts the TOTP code of the engine clock (one step either side), once', async () => {
    const { state, deps, user } = setup()
    const gate = signInGate(deps(), user('u2'))
    if (gate.kind !== 'mfa') throw new Error('expected a challenge')
    const previous = await totpCode(SECRET, state.clock.now() - 30_000)
    expect(await verifyMfa(deps(), { challengeId: gate.challenge.id, code: previous })).toMatchObject({ ok: true, user: { id: 'u2' } })
    expect(await verifyMfa(deps(), { challengeId: gate.challenge.id, code: previous })).toMatchObject({ ok: false, error: 'mfa_challenge_expired' })
  })

  it('counts wrong codes: the fifth one ends the challenge, the right code then comes too late', async () => {
    const { state, deps, user } = setup()
    const gate = signInGate(deps(), user('u2'))
    if (gate.kind !== 'mfa') throw new Error('expected a challenge')
    const right = await totpCode(SECRET, state.clock.now())
    const wrong = right === '111111' ? '222222' : '111111'
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await verifyMfa(deps(), { challengeId: gate.challenge.id, code: wrong }))
    expect(answers.map((a) => (a.ok ? 'ok' : a.error))).toEqual(Array(5).fill('invalid_mfa_code'))
    expect(await verifyMfa(deps(), { challengeId: gate.challenge.id, code: right })).toMatchObject({ ok: false, error: 'mfa_challenge_expired' })
  })

  it('expires after five minutes of engine clock; the mfa scenario accepts 000000 for any user', async () => {
    const { state, deps, user } = setup('test-mfa')
    const gate = signInGate(deps(), user('u1'))
    if (gate.kind !== 'mfa') throw new Error('expected a challenge')
    state.clock.advance('5m')
    expect(await verifyMfa(deps(), { challengeId: gate.challenge.id, code: '000000' })).toMatchObject({ ok: false, error: 'mfa_challenge_expired' })
    const again = signInGate(deps(), user('u1'))
    if (again.kind !== 'mfa') throw new Error('expected a challenge')
    expect(await verifyMfa(deps(), { challengeId: again.challenge.id, code: '000001' })).toMatchObject({ ok: false, error: 'invalid_mfa_code', attemptsLeft: 4 })
    expect(await verifyMfa(deps(), { challengeId: again.challenge.id, code: '000000' })).toMatchObject({ ok: true })
  })
})

describe('password reset', () => {
  it('mails known users only, is single use, sets the password and revokes every session', () => {
    const { state, deps, link } = setup()
    state.store.createSession({ id: 's1', userId: 'u1', createdAt: 0, expiresAt: START * 2, refreshToken: 's1.x' })
    state.store.createSession({ id: 's2', userId: 'u1', createdAt: 0, expiresAt: START * 2, refreshToken: 's2.x' })
    expect(forgotPassword(deps(), 'nobody@example.com', link)).toEqual({ sent: false })
    expect(forgotPassword(deps(), 'ann', link)).toEqual({ sent: false })
    expect(forgotPassword(deps(), 'ANN@example.com', link)).toEqual({ sent: true })
    forgotPassword(deps(), 'ann@example.com', link)
    const [first, second] = state.account.mailbox.list({ to: 'ann@example.com' })
    expect(first).toMatchObject({ kind: 'reset-password', subject: 'Reset your password' })
    expect(resetPassword(deps(), { token: first!.token, password: 'new' })).toMatchObject({ ok: true, revokedSessions: 2 })
    expect(state.store.users.get('u1')!.password).toBe('new')
    expect(state.store.sessions.size).toBe(0)
    expect(resetPassword(deps(), { token: first!.token, password: 'again' })).toEqual({ ok: false, error: 'invalid_reset_token' })
    // The other outstanding reset mail died with the reset.
    expect(resetPassword(deps(), { token: second!.token, password: 'again' })).toEqual({ ok: false, error: 'invalid_reset_token' })
  })

  it('expires after 30 minutes of engine clock', () => {
    const { state, deps, link } = setup()
    forgotPassword(deps(), 'ann@example.com', link)
    const [mail] = state.account.mailbox.list()
    state.clock.advance('30m')
    expect(resetPassword(deps(), { token: mail!.token, password: 'new' })).toEqual({ ok: false, error: 'invalid_reset_token' })
    expect(state.store.users.get('u1')!.password).toBe('pw')
  })
})

describe('verification resend and magic links', () => {
  it('resends only to a known unverified address', () => {
    const { state, deps, link } = setup()
    expect(resendVerification(deps(), 'ann@example.com', link)).toEqual({ sent: false })
    expect(resendVerification(deps(), 'nobody@example.com', link)).toEqual({ sent: false })
    expect(resendVerification(deps(), 'new@example.com', link)).toEqual({ sent: true })
    expect(state.account.mailbox.list().map((m) => m.to)).toEqual(['new@example.com'])
  })

  it('signs in a known user, signs up a new address, verifies the email, and is single use', () => {
    const { state, deps, link } = setup()
    requestMagicLink(deps(), { email: 'new@example.com', redirectTo: '/home' }, link)
    requestMagicLink(deps(), { email: 'fresh@example.com' }, link)
    const [known, fresh] = state.account.mailbox.list()
    let n = 0
    const id = () => `made-${++n}`
    expect(consumeMagicLink(deps(), known!.token, id)).toMatchObject({ ok: true, created: false, redirectTo: '/home', user: { id: 'u3', emailVerified: true } })
    expect(consumeMagicLink(deps(), known!.token, id)).toEqual({ ok: false, error: 'invalid_magic_link_token' })
    expect(consumeMagicLink(deps(), fresh!.token, id)).toMatchObject({ ok: true, created: true, user: { id: 'made-1', email: 'fresh@example.com' } })
    expect(state.store.findByEmail('fresh@example.com')?.id).toBe('made-1')
  })

  it('magic links expire after 15 minutes', () => {
    const { state, deps, link } = setup()
    requestMagicLink(deps(), { email: 'ann@example.com' }, link)
    state.clock.advance('15m')
    expect(consumeMagicLink(deps(), state.account.mailbox.list()[0]!.token, () => 'x')).toEqual({ ok: false, error: 'invalid_magic_link_token' })
  })
})
