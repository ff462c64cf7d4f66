import { describe, expect, it } from 'vitest'
import { MFA_CHALLENGE_TTL_MS, MFA_MAX_FAILURES, MfaChallenges } from './challenges.js'

const random = (n: number) => new Uint8Array(24).fill(n)

describe('MfaChallenges', () => {
  it('lives five minutes of the given clock', () => {
    const challenges = new MfaChallenges()
    const c = challenges.create({ userId: 'u1', now: 0 }, random(1))
    expect(c.expiresAt).toBe(MFA_CHALLENGE_TTL_MS)
    expect(challenges.find(c.id, MFA_CHALLENGE_TTL_MS - 1).ok).toBe(true)
    expect(challenges.find(c.id, MFA_CHALLENGE_TTL_MS)).toEqual({ ok: false, reason: 'expired' })
    expect(challenges.size).toBe(0)
  })

  it('is gone after five wrong codes, and once completed', () => {
    const challenges = new MfaChallenges()
    const c = challenges.create({ userId: 'u1', now: 0, fixedCode: '000000' }, random(1))
    const left = Array.from({ length: MFA_MAX_FAILURES }, () => challenges.fail(c))
    expect(left).toEqual([4, 3, 2, 1, 0])
    expect(challenges.find(c.id, 0)).toEqual({ ok: false, reason: 'too_many_attempts' })
    expect(challenges.find(c.id, 0)).toEqual({ ok: false, reason: 'unknown' })
    const d = challenges.create({ userId: 'u1', now: 0 }, random(2))
    challenges.complete(d)
    expect(challenges.find(d.id, 0).ok).toBe(false)
  })

  it('is bounded: the oldest pending challenge is forgotten past the limit', () => {
    const challenges = new MfaChallenges(2)
    const first = challenges.create({ userId: 'u1', now: 0 }, random(1))
    challenges.create({ userId: 'u1', now: 0 }, random(2))
    challenges.create({ userId: 'u1', now: 0 }, random(3))
    expect(challenges.size).toBe(2)
    expect(challenges.find(first.id, 0).ok).toBe(false)
  })
})
