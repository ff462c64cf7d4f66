import { describe, expect, it } from 'vitest'
import { EXPIRED_RETENTION_MS, Store } from './store.js'
import { normalizeUsers } from './users.js'

const users = normalizeUsers([{ id: 'u1', username: 'Ann', email: 'ann@example.com', password: 'pw' }])

describe('Store', () => {
  it('finds users by username or email, case-insensitively', () => {
    const store = new Store(users)
    expect(store.findByLogin('ann')?.id).toBe('u1')
    expect(store.findByLogin('ANN@example.com')?.id).toBe('u1')
    expect(store.findByLogin('bob')).toBeUndefined()
  })

  it('finds a family by its split refresh token, tells current from exchanged, and revokes it whole', () => {
    const store = new Store(users)
    const session = { id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 's1.a' }
    store.createSession(session)
    expect(store.findRefresh('s1.a')).toEqual({ session, rotated: false })
    store.rotate(session, 's1.b', 2_000)
    expect(store.findRefresh('s1.a')).toEqual({ session, rotated: true })
    expect(store.findRefresh('s1.b')).toEqual({ session, rotated: false })
    expect(session.expiresAt).toBe(2_000)
    // The selector alone, another family's selector, or no selector at all: unknown.
    for (const forged of ['s1', 's1.', 's1.c', 's2.b', '.b', 'b']) expect(store.findRefresh(forged)).toBeUndefined()
    expect(store.refreshTokenCount()).toBe(2)
    expect(store.revokeSession('s1')).toBe(true)
    expect(store.findRefresh('s1.a')).toBeUndefined()
    expect(store.findRefresh('s1.b')).toBeUndefined()
    expect(store.refreshTokenCount()).toBe(0)
  })

  it('collects sessions only once they are expired past the retention', () => {
    const store = new Store(users)
    store.createSession({ id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 's1.a' })
    expect(store.sweep(1_000 + EXPIRED_RETENTION_MS - 1, true)).toBe(0)
    expect(store.sweep(1_000 + EXPIRED_RETENTION_MS, true)).toBe(1)
    expect(store.findRefresh('s1.a')).toBeUndefined()
  })

  it('round-trips through a snapshot', () => {
    const store = new Store(users)
    store.createSession({ id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 's1.a' })
    const copy = Store.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())))
    expect(copy.sessions.get('s1')?.userId).toBe('u1')
    expect(copy.findRefresh('s1.a')?.session.id).toBe('s1')
    expect(copy.findByLogin('ann')?.id).toBe('u1')
  })
})

describe('normalizeUsers', () => {
  it('names the entry and the fix', () => {
    expect(() => normalizeUsers({})).toThrow(/JSON array/)
    expect(() => normalizeUsers([{ username: 'a' }], 'users.json')).toThrow(/users.json\[0\].*"password"/)
    expect(() => normalizeUsers([{ username: 'a', password: 'b' }, { username: 'A', password: 'c' }])).toThrow(/unique/)
    expect(() => normalizeUsers([{ username: 'a', password: 'b', roles: 'admin' }])).toThrow(/roles/)
  })
})
