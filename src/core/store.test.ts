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

  it('revoking a session drops its whole refresh family', () => {
    const store = new Store(users)
    const session = { id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 'r1' }
    store.createSession(session)
    store.rotate(session, store.refresh.get('r1')!, 'r2', 2_000)
    expect(store.refresh.get('r1')?.rotated).toBe(true)
    expect(store.revokeSession('s1')).toBe(true)
    expect(store.refresh.size).toBe(0)
    expect(store.sessions.size).toBe(0)
  })

  it('collects sessions only once they are expired past the retention', () => {
    const store = new Store(users)
    store.createSession({ id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 'r1' })
    expect(store.sweep(1_000 + EXPIRED_RETENTION_MS - 1, true)).toBe(0)
    expect(store.sweep(1_000 + EXPIRED_RETENTION_MS, true)).toBe(1)
    expect(store.refresh.size).toBe(0)
  })

  it('round-trips through a snapshot', () => {
    const store = new Store(users)
    store.createSession({ id: 's1', userId: 'u1', createdAt: 0, expiresAt: 1_000, refreshToken: 'r1' })
    const copy = Store.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())))
    expect(copy.sessions.get('s1')?.userId).toBe('u1')
    expect(copy.refresh.get('r1')?.sessionId).toBe('s1')
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
