import { describe, expect, it, test } from 'vitest'
import { createMockAuth } from '../../src/node/index.js'
import { describeScenarios, setupMockAuth } from '../../src/testing/vitest.js'

// The README's Vitest quick start: one call, then journal assertions and failNext.
const mockAuth = setupMockAuth({ listen: { onUnhandledRequest: 'error' } })

const api = 'http://localhost/api/auth'
const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })

/** What an app's API client does: call /me; on a 401 refresh, retrying a failed refresh once. */
async function getMe(tokens: { accessToken: string; refreshToken: string }): Promise<Response> {
  const me = () => fetch(`${api}/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
  const first = await me()
  if (first.status !== 401) return first
  let refreshed = await post('/refresh', { refreshToken: tokens.refreshToken })
  if (refreshed.status >= 500) refreshed = await post('/refresh', { refreshToken: tokens.refreshToken })
  if (!refreshed.ok) return refreshed
  Object.assign(tokens, await refreshed.json())
  return me()
}

describe('journal matchers on Vitest expect', () => {
  it('the app refreshed exactly once, then retried', async () => {
    const tokens = await (await post('/login', { username: 'test', password: 'test' })).json()
    mockAuth.expire()
    expect((await getMe(tokens)).status).toBe(200)
    expect(mockAuth).toHaveSignedIn('test')
    expect(mockAuth).toHaveSignedIn('user123')
    expect(mockAuth).not.toHaveSignedIn('admin')
    expect(mockAuth).toHaveRefreshed(1)
    expect(mockAuth).toHaveHandled('me', { times: 2 })
    expect(mockAuth).toHaveHandled('me', { status: 401, error: 'token_expired', times: 1, user: 'test' })
    expect(mockAuth).not.toHaveSignedOut()
  })

  it('failNext: the first refresh fails with server_error, the retry works', async () => {
    const expired = await mockAuth.signIn('test', { expired: true })
    mockAuth.failNext('refresh', { error: 'server_error' })
    expect(mockAuth.state().failNext).toEqual([{ operation: 'refresh', answer: { error: 'server_error' }, times: 1 }])
    expect((await getMe(expired)).status).toBe(200)
    expect(mockAuth).toHaveHandled('refresh', { times: 2 })
    expect(mockAuth).toHaveHandled('refresh', { error: 'server_error', status: 500, times: 1 })
    expect(mockAuth).toHaveRefreshed(1)
    expect(mockAuth.state().failNext).toEqual([])
  })

  it('README: the first refresh fails, the app retries once', async () => {
    const login = (password = 'test') => post('/login', { username: 'test', password })
    mockAuth.failNext('refresh', { error: 'server_error' })
    const { refreshToken } = await (await login()).json()
    const refresh = () => fetch('http://localhost/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) })
    if ((await refresh()).status === 500) await refresh()
    expect(mockAuth).toHaveHandled('refresh', { times: 2 })
    expect(mockAuth).toHaveRefreshed(1)
  })

  it('a failure prints the journal entries it looked at', async () => {
    await post('/login', { username: 'test', password: 'wrong' })
    await post('/login', { username: 'test', password: 'test' })
    let message = ''
    try {
      expect(mockAuth).toHaveRefreshed(1)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('Expected mock-auth to have refreshed successfully exactly 1 time, but it did not once.')
    expect(message).toContain("No refresh entries; the journal's 2 entries:")
    expect(message).toMatch(/#\d+ \S+ POST \/api\/auth\/login -> 401 invalid_credentials \(signIn, scenario default, [\d.]+ms\)/)
    expect(message).toMatch(/POST \/api\/auth\/login -> 200 \(signIn, user user123, scenario default/)

    expect(() => expect(mockAuth).toHaveSignedIn('admin')).toThrow(/Journal entries for signIn \(2\):\n {2}#\d+ .* 401 invalid_credentials/)
    expect(() => expect(mockAuth).not.toHaveSignedIn('test')).toThrow(/Expected mock-auth not to have signed "test" in, but it did 1 time\./)
    expect(() => expect({}).toHaveRefreshed()).toThrow(/has no journal/)
  })

  it('an empty journal says so (a wrong base URL is the usual cause)', () => {
    expect(() => expect(mockAuth).toHaveSignedOut()).toThrow(/The journal is empty: no request reached mock-auth/)
  })

  it('journal(), since, clearJournal and reset between tests', async () => {
    expect(mockAuth.journal()).toEqual([])
    await fetch(`${api}/session`)
    const [entry] = mockAuth.journal()
    expect(entry).toMatchObject({ method: 'GET', path: '/api/auth/session', operation: 'session', status: 200, error: null, user: null })
    expect(mockAuth.journal({ since: entry?.seq ?? 0 })).toEqual([])
    mockAuth.clearJournal()
    expect(mockAuth.journal()).toEqual([])
  })

  it('users.add with a scenario, users.remove revokes', async () => {
    const locked = mockAuth.users.add({ username: 'locked-user', password: 'x', scenario: 'locked' })
    expect((await post('/login', { username: 'locked-user', password: 'x' })).status).toBe(423)
    expect(mockAuth).toHaveHandled('signIn', { error: 'account_locked', user: 'locked-user' })
    const tokens = await mockAuth.signIn('test')
    expect(mockAuth.users.remove('user123')).toBe(true)
    expect((await getMe(tokens)).status).toBe(401)
    expect(mockAuth.users.remove(locked.id)).toBe(true)
    expect(() => mockAuth.users.add({ username: 'admin', password: 'x' })).toThrow(expect.objectContaining({ code: 'ERR_USER_EXISTS' }))
  })

  test.concurrent('isolated(): journal and failNext of its own namespace', mockAuth.isolated(async (auth) => {
    auth.failNext('session', 'network-error')
    await expect(fetch(`${api}/session`)).rejects.toThrow()
    expect((await fetch(`${api}/session`)).status).toBe(200)
    expect(auth).toHaveHandled('session', { times: 2 })
    expect(auth).toHaveHandled('session', { status: 0, error: 'network-error', times: 1 })
    expect(auth.journal()).toHaveLength(2)
  }))
})

describe('createMockAuth without a server: the matchers read the instance', () => {
  it('journalSize bounds the journal to the newest entries', async () => {
    const auth = createMockAuth({ journalSize: 3 })
    for (let i = 0; i < 5; i++) await auth.engine.fetch(new Request('http://localhost/api/auth/session'))
    expect(auth.journal().map((e) => e.seq)).toEqual([3, 4, 5])
    expect(auth).toHaveHandled('session', { times: 3 })
    expect(() => createMockAuth({ journalSize: -1 })).toThrow(/journalSize must be a whole number/)
  })
})

// One body, every scenario, each reported under its own name.
describeScenarios(['default', 'bad-credentials', 'locked'], (scenario, auth) => {
  it('sign-in answers as the scenario says', async () => {
    const res = await post('/login', { username: 'test', password: 'test' })
    expect(res.status).toBe({ default: 200, 'bad-credentials': 401, locked: 423 }[scenario])
    expect(auth.scenario).toBe(scenario)
    expect(auth).toHaveHandled('signIn', { times: 1 })
    expect(auth.namespace).toMatch(new RegExp(`^scenario-${scenario}-`))
  })

  it('each test starts clean in its scenario', () => {
    expect(auth.journal()).toEqual([])
    expect(auth.scenario).toBe(scenario)
  })
}, { mockAuth })

describe('describeScenarios', () => {
  it('refuses an unknown scenario while collecting, naming the known ones', () => {
    expect(() => describeScenarios(['nope'], () => undefined, { mockAuth })).toThrow(/Unknown scenario "nope". Known scenarios: default/)
  })
})
