import { describe, expect, it } from 'vitest'
import { resolveConfig } from './config.js'
import { NamespaceState } from './state.js'
import { DEFAULT_STORE_LIMITS, Store, type Session } from './store.js'
import { normalizeUsers } from './users.js'
import { defineScenario } from './scenario.js'

const users = normalizeUsers([{ id: 'u1', username: 'ann', password: 'pw' }])
const session = (id: string, userId = 'u1'): Session => ({ id, userId, createdAt: 0, expiresAt: 1_000, refreshToken: `${id}.t0` })

describe('bounded store', () => {
  it('defaults: 10,000 users, 1,000 sessions per user, 100 rotated tokens per family', () => {
    expect(DEFAULT_STORE_LIMITS).toEqual({ maxUsers: 10_000, maxSessionsPerUser: 1_000, maxRotatedTokens: 100 })
    expect(resolveConfig({ scenarios: [defineScenario({ name: 'default', description: 'd' })] }).storeLimits).toEqual(DEFAULT_STORE_LIMITS)
  })

  it('refuses a user past maxUsers with an error naming the option', () => {
    const store = new Store(users, { ...DEFAULT_STORE_LIMITS, maxUsers: 2 })
    store.addUser({ id: 'u2', username: 'bob', password: 'pw' })
    store.addUser({ id: 'u3', username: 'cy', password: 'pw' })
    expect(store.isFull()).toBe(true)
    expect(() => store.addUser({ id: 'u4', username: 'di', password: 'pw' })).toThrow(expect.objectContaining({ code: 'ERR_LIMIT_EXCEEDED', message: expect.stringContaining('maxUsers') }))
    // The seed user does not count: two added users fill maxUsers 2.
    expect([store.users.size, store.users.added]).toEqual([3, 2])
  })

  it('revokes a user\'s oldest session when one more would pass maxSessionsPerUser; other users are untouched', () => {
    const store = new Store(normalizeUsers([{ id: 'u1', username: 'ann', password: 'pw' }, { id: 'u2', username: 'bob', password: 'pw' }]), { ...DEFAULT_STORE_LIMITS, maxSessionsPerUser: 3 })
    store.createSession(session('b1', 'u2'))
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) store.createSession(session(id))
    expect([...store.sessions.keys()].sort()).toEqual(['a3', 'a4', 'a5', 'b1'])
    // A revoked session frees its slot: the next one does not push out another.
    store.revokeSession('a4')
    store.createSession(session('a6'))
    expect([...store.sessions.keys()].sort()).toEqual(['a3', 'a5', 'a6', 'b1'])
    expect(store.revokeUserSessions('u1')).toBe(3)
    expect([...store.sessions.keys()]).toEqual(['b1'])
  })

  it('keeps the most recent maxRotatedTokens exchanged tokens: recent reuse is detected, an older token is merely unknown', () => {
    const store = new Store(users, { ...DEFAULT_STORE_LIMITS, maxRotatedTokens: 3 })
    const s = session('s1')
    store.createSession(s)
    for (let i = 1; i <= 10; i++) store.rotate(s, `s1.t${i}`, 1_000)
    expect(s.rotatedTokens).toEqual(['s1.t6', 's1.t7', 's1.t8', 's1.t9'].slice(1))
    expect(store.findRefresh('s1.t9')).toEqual({ session: s, rotated: true })
    expect(store.findRefresh('s1.t7')).toEqual({ session: s, rotated: true })
    expect(store.findRefresh('s1.t6')).toBeUndefined()
    expect(store.findRefresh('s1.t10')).toEqual({ session: s, rotated: false })
  })

  it('validates each limit as an engine option, naming it', () => {
    const scenarios = [defineScenario({ name: 'default', description: 'd' })]
    for (const name of ['maxUsers', 'maxSessionsPerUser', 'maxRotatedTokens'] as const) {
      expect(() => resolveConfig({ scenarios, [name]: 0 })).toThrow(new RegExp(`${name} must be a whole number`))
      expect(() => resolveConfig({ scenarios, [name]: 1.5 })).toThrow(new RegExp(name))
    }
    // A seed larger than maxUsers is the developer's file, not growth: it is served as given.
    expect(resolveConfig({ scenarios, maxUsers: 1 }).seedUsers.size).toBe(2)
  })

  it('pages the state report with totals instead of building it whole', () => {
    const state = new NamespaceState('default', resolveConfig({ scenarios: [defineScenario({ name: 'default', description: 'd' })] }))
    for (let i = 0; i < 250; i++) state.store.createSession({ ...session(`s${i}`, 'user123'), expiresAt: Date.now() + 60_000 })
    const first = state.summary()
    expect(first).toMatchObject({ totals: { users: 2, sessions: 250 }, offset: 0, limit: 100, nextOffset: 100 })
    expect(first.sessions).toHaveLength(100)
    expect(first.users).toHaveLength(2)
    const last = state.summary({ offset: 200, limit: 100 })
    expect(last.sessions.map((s) => s.id)).toEqual(Array.from({ length: 50 }, (_, i) => `s${200 + i}`))
    expect(last.users).toEqual([])
    expect(last.nextOffset).toBeNull()
    expect(() => state.summary({ limit: 1001 })).toThrow(/from 1 to 1000/)
    expect(() => state.summary({ limit: 0 })).toThrow(/limit/)
    expect(() => state.summary({ offset: -1 })).toThrow(/offset/)
  })
})
