import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBrowserMockAuth, type StorageLike } from '../../src/browser/index.js'

/** A Map-backed Storage: the browser entry only needs getItem/setItem/removeItem. */
function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const origin = 'http://localhost'
const json = { 'content-type': 'application/json' }

/** A "page load": a fresh instance over the same storage, its handlers installed. */
function load(storage: StorageLike, options: Parameters<typeof createBrowserMockAuth>[0] = {}) {
  const auth = createBrowserMockAuth({ ...options, storage })
  server.resetHandlers(...auth.handlers)
  return auth
}

describe('mock-auth/browser persistence', () => {
  it('keeps a signed-in user signed in across a reload (same keys, same session)', async () => {
    const storage = memoryStorage()
    const first = load(storage)
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: json, body: '{"username":"test","password":"test"}' })
    const { accessToken, refreshToken } = (await login.json()) as { accessToken: string; refreshToken: string }
    expect(storage.data.has('mock-auth:/api/auth')).toBe(true)

    const second = load(storage)
    expect(second.state().sessions).toHaveLength(1)
    const session = await fetch(`${origin}/api/auth/session`, { headers: { authorization: `Bearer ${accessToken}` } })
    expect(await session.json()).toMatchObject({ authenticated: true, user: { username: 'test' } })
    expect((await first.engine.keys()).kid).toBe((await second.engine.keys()).kid)
    // The refresh family survived too: rotation works, and reuse detection still knows the old token.
    const refreshed = await fetch(`${origin}/api/auth/refresh`, { method: 'POST', headers: json, body: JSON.stringify({ refreshToken }) })
    expect(refreshed.status).toBe(200)
    const third = load(storage)
    const reused = await fetch(`${origin}/api/auth/refresh`, { method: 'POST', headers: json, body: JSON.stringify({ refreshToken }) })
    expect((await reused.json()).error).toBe('refresh_token_reused')
    expect(third.state().sessions).toHaveLength(0)
  })

  it('keeps scenario, registered users and clock offset; control calls persist at once', async () => {
    const storage = memoryStorage()
    const first = load(storage)
    await fetch(`${origin}/api/auth/register`, { method: 'POST', headers: json, body: '{"username":"new","password":"pw"}' })
    first.use('expired')
    first.clock.advance('2h')
    const second = load(storage)
    expect(second.scenario).toBe('expired')
    expect(second.state().users.map((u) => u.username)).toContain('new')
    const drift = second.clock.now().getTime() - Date.now()
    expect(drift).toBeGreaterThan(2 * 3_600_000 - 60_000)
    expect(drift).toBeLessThan(2 * 3_600_000 + 60_000)
  })

  it('keeps the mailbox and its links across a reload (following a mailed link reloads the page)', async () => {
    const storage = memoryStorage()
    load(storage)
    await fetch(`${origin}/api/auth/magic-link`, { method: 'POST', headers: json, body: '{"email":"test@example.com"}' })
    const second = load(storage)
    const [mail] = second.mailbox()
    expect(mail).toMatchObject({ id: 'mail-1', kind: 'magic-link', to: 'test@example.com' })
    const followed = await fetch(`${origin}/api/auth/magic-link/verify`, { method: 'POST', headers: json, body: JSON.stringify({ token: mail!.token }) })
    expect(followed.status).toBe(200)
    await fetch(`${origin}/api/auth/forgot-password`, { method: 'POST', headers: json, body: '{"email":"test@example.com"}' })
    expect(load(storage).mailbox().map((m) => m.id)).toEqual(['mail-1', 'mail-2'])
  })

  it('clearStorage() forgets everything: the next load is signed out', async () => {
    const storage = memoryStorage()
    const first = load(storage)
    const { headers } = await first.signIn('test')
    first.clearStorage()
    expect(storage.data.size).toBe(0)
    expect(first.state().sessions).toHaveLength(0)
    load(storage)
    expect((await fetch(`${origin}/api/auth/me`, { headers })).status).toBe(401)
  })

  it('starts fresh when the options changed or the stored data is corrupt', async () => {
    const storage = memoryStorage()
    const first = load(storage)
    await first.signIn('test')
    expect(load(storage, { accessTokenTtl: '5m' }).state().sessions).toHaveLength(0)
    storage.setItem('mock-auth:/api/auth', '{not json')
    const fresh = load(storage)
    expect(fresh.state().sessions).toHaveLength(0)
    expect((await fetch(`${origin}/api/auth/session`)).status).toBe(200)
  })

  it('uses its own key per base path and honours storage: false', async () => {
    const storage = memoryStorage()
    const auth = createBrowserMockAuth({ baseUrl: '/auth', storage })
    expect(auth.storageKey).toBe('mock-auth:/auth')
    const memoryOnly = createBrowserMockAuth({ storage: false })
    await memoryOnly.signIn('test')
    expect(storage.data.size).toBe(0)
  })
})
