import { describe, expect, it } from 'vitest'
import { Mailbox } from './mailbox.js'
import { OneTimeTokens } from './one-time-tokens.js'

const mail = (to: string, n: number) => ({ to, subject: 's', text: 't', link: `http://x/${n}`, token: `t${n}`, kind: 'magic-link' as const, at: new Date(n).toISOString() })

describe('Mailbox', () => {
  it('keeps mails newest last with counting ids, filters by recipient case-insensitively, returns copies', () => {
    const box = new Mailbox()
    box.send(mail('Ann@example.com', 1))
    box.send(mail('bob@example.com', 2))
    box.send(mail('ann@example.com', 3))
    expect(box.list().map((m) => m.id)).toEqual(['mail-1', 'mail-2', 'mail-3'])
    expect(box.list({ to: 'ANN@example.com' }).map((m) => m.token)).toEqual(['t1', 't3'])
    box.list()[0]!.to = 'changed'
    expect(box.list()[0]!.to).toBe('Ann@example.com')
  })

  it('is bounded: the oldest mails are forgotten past the limit', () => {
    const box = new Mailbox(3)
    for (let n = 1; n <= 5; n++) box.send(mail('a@x', n))
    expect(box.size).toBe(3)
    expect(box.list().map((m) => m.id)).toEqual(['mail-3', 'mail-4', 'mail-5'])
  })
})

describe('OneTimeTokens', () => {
  const random = (n: number) => new Uint8Array(32).fill(n)
  const entry = { kind: 'reset-password' as const, userId: 'u1', email: 'a@x', expiresAt: 1_000 }

  it('is single use, of one kind, and expires on the given clock', () => {
    const tokens = new OneTimeTokens()
    const t = tokens.issue(entry, random(1))
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(tokens.consume('verify-email', t, 0)).toEqual({ ok: false, reason: 'unknown' })
    expect(tokens.consume('reset-password', t, 0)).toMatchObject({ ok: true, token: { userId: 'u1' } })
    expect(tokens.consume('reset-password', t, 0)).toEqual({ ok: false, reason: 'unknown' })
    const late = tokens.issue(entry, random(2))
    expect(tokens.consume('reset-password', late, 1_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('revokes a user’s tokens of a kind, and is bounded', () => {
    const tokens = new OneTimeTokens(2)
    const a = tokens.issue(entry, random(1))
    tokens.issue({ ...entry, userId: 'u2' }, random(2))
    tokens.issue(entry, random(3))
    expect(tokens.size).toBe(2)
    expect(tokens.consume('reset-password', a, 0).ok).toBe(false)
    expect(tokens.revokeFor('u1', 'reset-password')).toBe(1)
    expect(tokens.size).toBe(1)
  })
})
