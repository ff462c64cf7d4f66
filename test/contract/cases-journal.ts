import { expect } from 'vitest'
import { defineScenario, type JournalEntry } from '../../src/core/index.js'
import { BASE, cookieValue, send, signIn } from './client.js'
import { expectError, type ContractCase } from './expect-error.js'

/** Scenario data that fails chosen calls (issue 12): only the second refresh, or the third onwards. */
export const secondRefreshFails = defineScenario({ name: 'second-refresh-fails', description: 'The second refresh answers server_error.', respond: { refresh: { error: 'server_error', on: [2] } } })
export const refreshFailsFromThird = defineScenario({ name: 'refresh-fails-from-third', description: 'Every refresh from the third answers server_error.', respond: { refresh: { error: 'server_error', on: { from: 3 } } } })

/** The stable part of an entry (time, duration and seq are checked apart). */
const brief = ({ method, path, operation, status, error, scenario, user }: JournalEntry) => ({ method, path, operation, status, error, scenario, user })

/** The journal, deterministic failures, expiry and run-time users: one behaviour on every transport. */
export const journalCases: ContractCase[] = [
  {
    name: 'journal: every answered request in order, control calls not recorded; since, clear and reset',
    async run({ t }) {
      const s = await signIn(t)
      await t.control.state()
      await send(t, 'GET', `${BASE}/me`, { bearer: s.access })
      await send(t, 'GET', `${BASE}/me`)
      await send(t, 'GET', `${BASE}/nope`)
      await send(t, 'PATCH', `${BASE}/login`)
      await t.control.use('default')
      await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } })
      await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'wrong' } })
      await send(t, 'DELETE', `${BASE}/session`, { bearer: s.access })
      const entries = await t.control.journal()
      expect(entries.map(brief)).toEqual([
        { method: 'POST', path: `${BASE}/login`, operation: 'signIn', status: 200, error: null, scenario: 'default', user: 'user123' },
        { method: 'GET', path: `${BASE}/me`, operation: 'me', status: 200, error: null, scenario: 'default', user: 'user123' },
        { method: 'GET', path: `${BASE}/me`, operation: 'me', status: 401, error: 'unauthenticated', scenario: 'default', user: null },
        { method: 'GET', path: `${BASE}/nope`, operation: null, status: 404, error: 'not_found', scenario: null, user: null },
        { method: 'PATCH', path: `${BASE}/login`, operation: null, status: 405, error: 'method_not_allowed', scenario: null, user: null },
        { method: 'POST', path: `${BASE}/refresh`, operation: 'refresh', status: 200, error: null, scenario: 'default', user: 'user123' },
        { method: 'POST', path: `${BASE}/login`, operation: 'signIn', status: 401, error: 'invalid_credentials', scenario: 'default', user: null },
        { method: 'DELETE', path: `${BASE}/session`, operation: 'signOut', status: 200, error: null, scenario: 'default', user: 'user123' },
      ])
      const first = entries[0]?.seq ?? 0
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => first + i))
      for (const e of entries) {
        expect(new Date(e.at).toISOString()).toBe(e.at)
        expect(e.durationMs).toBeGreaterThanOrEqual(0)
      }
      const since = entries[5]?.seq ?? 0
      expect((await t.control.journal(since)).map((e) => e.operation)).toEqual(['signIn', 'signOut'])
      await t.control.clearJournal()
      expect(await t.control.journal()).toEqual([])
      await send(t, 'GET', `${BASE}/session`)
      const after = await t.control.journal()
      expect(after.map((e) => e.seq)).toEqual([first + entries.length])
      await t.control.reset()
      expect(await t.control.journal()).toEqual([])
    },
  },
  {
    name: 'journal: the clock the entry shows is the engine clock; a dropped connection is status 0',
    async run({ t }) {
      await t.control.advance('2h')
      await t.control.use('network-error')
      const dropped = await send(t, 'GET', `${BASE}/session`)
      expect(dropped.networkError).toBe(true)
      const [entry] = await t.control.journal()
      expect(entry && brief(entry)).toEqual({ method: 'GET', path: `${BASE}/session`, operation: 'session', status: 0, error: 'network-error', scenario: 'network-error', user: null })
      expect(Date.parse(entry?.at ?? '') - Date.now()).toBeGreaterThan(110 * 60_000)
    },
  },
  {
    name: 'failNext: the next N calls fail, then it works again; pending ones show in state',
    async run({ t, see }) {
      const s = await signIn(t)
      const pending = await t.control.failNext('refresh', { error: 'server_error' }, 2)
      expect(pending).toEqual([{ operation: 'refresh', answer: { error: 'server_error' }, times: 2 }])
      expect((await t.control.state()).failNext).toEqual(pending)
      expectError(see('failNext 1', await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } })), 500, 'server_error')
      expectError(await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } }), 500, 'server_error')
      expect((await t.control.state()).failNext).toEqual([])
      const works = await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } })
      expect(works.status).toBe(200)

      await t.control.failNext('signIn', { error: 'rate_limited', message: 'Slow down.', retryAfter: '30s' })
      const limited = see('failNext retryAfter', await send(t, 'POST', `${BASE}/login`, { json: { username: 'test', password: 'test' } }))
      expectError(limited, 429, 'rate_limited')
      expect(limited.headers['retry-after']).toBe('30')
      expect(limited.body).toMatchObject({ message: 'Slow down.', retryAfter: 30 })

      await t.control.failNext('session', 'network-error')
      expect((await send(t, 'GET', `${BASE}/session`)).networkError).toBe(true)
      expect((await send(t, 'GET', `${BASE}/session`)).status).toBe(200)
      const refreshes = (await t.control.journal()).filter((e) => e.operation === 'refresh').map((e) => [e.status, e.error])
      expect(refreshes).toEqual([[500, 'server_error'], [500, 'server_error'], [200, null]])
      await expect(t.control.failNext('nope' as 'refresh', { error: 'server_error' })).rejects.toThrow(/not an operation/)
      await expect(t.control.failNext('refresh', { error: 'nope' as 'server_error' })).rejects.toThrow(/error code/)
      await t.control.failNext('me', { error: 'server_error' })
      await t.control.reset()
      expect((await t.control.state()).failNext).toEqual([])
    },
  },
  {
    name: 'scenario on: [2] fails only the second refresh since the scenario took effect; { from: 3 } every one from the third',
    async run({ t, see }) {
      const s = await signIn(t)
      let token = s.refresh
      const refresh = async () => {
        const res = await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: token } })
        token = cookieValue(res, 'refresh_token') ?? token
        return res.status
      }
      await refresh() // under default: not counted for the scenario
      await t.control.use('second-refresh-fails')
      expect([await refresh(), await refresh(), await refresh()]).toEqual([200, 500, 200])
      await t.control.use('default')
      await t.control.use('second-refresh-fails')
      expect([await refresh(), await refresh()]).toEqual([200, 500])
      await t.control.use('refresh-fails-from-third')
      expect([await refresh(), await refresh(), await refresh(), await refresh()]).toEqual([200, 200, 500, 500])
      see('on: other operations untouched', await send(t, 'GET', `${BASE}/session`))
    },
  },
  {
    name: 'expire(): every live access token answers token_expired, the clock stays, refresh works',
    async run({ t }) {
      const a = await signIn(t)
      const b = await signIn(t, 'admin', 'admin')
      const before = Date.parse((await t.control.state()).now)
      expect(await t.control.expire()).toBe(2)
      expect(Math.abs(Date.parse((await t.control.state()).now) - before)).toBeLessThan(60_000)
      for (const s of [a, b]) expectError(await send(t, 'GET', `${BASE}/me`, { bearer: s.access }), 401, 'token_expired')
      const refreshed = await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: a.refresh } })
      expect(refreshed.status).toBe(200)
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: (refreshed.body as { accessToken: string }).accessToken })).status).toBe(200)
      const fresh = await signIn(t)
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: fresh.access })).status).toBe(200)
      expectError(await send(t, 'GET', `${BASE}/me`, { bearer: b.access }), 401, 'token_expired')
    },
  },
  {
    name: 'per-user scenario: one server holds a healthy user and a locked one',
    async run({ t, see }) {
      const added = await t.control.addUser({ username: 'locked-user', password: 'x', scenario: 'locked' })
      expect(added).toMatchObject({ username: 'locked-user' })
      expect(JSON.stringify(added)).not.toContain('"password"')
      const locked = see('locked user', await send(t, 'POST', `${BASE}/login`, { json: { username: 'locked-user', password: 'x' } }))
      expectError(locked, 423, 'account_locked')
      expect((await signIn(t)).res.status).toBe(200)
      const [lockedEntry, healthy] = (await t.control.journal()).slice(-2)
      expect(lockedEntry).toMatchObject({ operation: 'signIn', status: 423, error: 'account_locked', scenario: 'locked', user: added.id })
      expect(healthy).toMatchObject({ operation: 'signIn', status: 200, scenario: 'default', user: 'user123' })
      expect((await t.control.state()).users.find((u) => u.username === 'locked-user')).toMatchObject({ scenario: 'locked' })

      // A scenario about tokens follows the user's token, not only their sign-in.
      await t.control.addUser({ username: 'stale', password: 'y', scenario: 'expired' })
      const stale = await signIn(t, 'stale', 'y')
      expect(stale.body.expiresIn).toBeLessThan(0)
      expectError(await send(t, 'GET', `${BASE}/me`, { bearer: stale.access }), 401, 'token_expired')
      await expect(t.control.addUser({ username: 'ghost', password: 'z', scenario: 'no-such' })).rejects.toThrow(/Unknown scenario \\?"no-such/)
    },
  },
  {
    name: 'users at run time: add signs in; remove revokes the sessions; duplicates refused',
    async run({ t, see }) {
      const user = await t.control.addUser({ id: 'u-run', username: 'runtime', email: 'run@example.com', password: 'pw' })
      expect(user).toEqual({ id: 'u-run', username: 'runtime', email: 'run@example.com' })
      const s = await signIn(t, 'run@example.com', 'pw')
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: s.access })).status).toBe(200)
      expect(await t.control.removeUser('u-run')).toBe(true)
      expectError(see('removed user me', await send(t, 'GET', `${BASE}/me`, { bearer: s.access })), 401, 'invalid_token')
      expectError(await send(t, 'POST', `${BASE}/refresh`, { cookies: { refresh_token: s.refresh } }), 401, 'invalid_refresh_token')
      expectError(await send(t, 'POST', `${BASE}/login`, { json: { username: 'runtime', password: 'pw' } }), 401, 'invalid_credentials')
      expect(await t.control.removeUser('u-run')).toBe(false)
      await expect(t.control.addUser({ username: 'TEST', password: 'x' })).rejects.toThrow(/already exists/)
      await expect(t.control.addUser({ username: '', password: 'x' })).rejects.toThrow(/username/)
      expect(await t.control.removeUser('user123')).toBe(true)
      await t.control.reset()
      expect((await t.control.state()).users.map((u) => u.id)).toEqual(['user123', 'admin1'])
    },
  },
]
