import { describe, expect, it, test } from 'vitest'
import { setupMockAuth } from '../../src/testing/vitest.js'

// As in the README: one call sets up listen / reset after each test / close.
const mockAuth = setupMockAuth({ listen: { onUnhandledRequest: 'error' } })

const api = 'http://localhost/api/auth'
const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(api + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
const signIn = (username = 'test', password = 'test') => post('/login', { username, password })

/** What an app's API client does: call /me, on token_expired refresh once and retry. */
async function getMe(tokens: { accessToken: string; refreshToken: string }) {
  let res = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
  if (res.status === 401 && ((await res.clone().json()) as { error: string }).error === 'token_expired') {
    const refreshed = await post('/refresh', { refreshToken: tokens.refreshToken })
    if (!refreshed.ok) return refreshed
    Object.assign(tokens, await refreshed.json())
    res = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
  }
  return res
}

describe('mock-auth/vitest README cases', () => {
  it('valid sign-in', async () => {
    const res = await signIn()
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ user: { username: 'test' }, tokenType: 'Bearer' })
    expect(res.headers.getSetCookie()).toHaveLength(2)
  })

  it('bad credentials', async () => {
    const res = await signIn('test', 'wrong')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: 'invalid_credentials' })
  })

  it('expired token, then refresh, then retry', async () => {
    mockAuth.use('expired')
    const tokens = await (await signIn()).json()
    const first = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
    expect(await first.json()).toMatchObject({ error: 'token_expired' })
    const me = await getMe(tokens)
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ user: { username: 'test' } })
  })

  it('expired by the clock: advance past the access token lifetime', async () => {
    const tokens = await mockAuth.signIn('test')
    mockAuth.clock.advance('16m')
    expect((await getMe(tokens)).status).toBe(200)
    expect(tokens.accessToken).not.toBe((await mockAuth.signIn('test')).accessToken)
  })

  it('sign-out', async () => {
    const { headers } = await mockAuth.signIn('test')
    const out = await post('/logout', undefined, { cookie: headers.cookie })
    expect(await out.json()).toEqual({ message: 'Signed out', revoked: true })
    expect((await fetch(`${api}/me`, { headers: { cookie: headers.cookie } })).status).toBe(401)
    expect(mockAuth.state().sessions).toEqual([])
  })

  it('switching scenario inside one test', async () => {
    expect((await signIn()).status).toBe(200)
    mockAuth.use('server-error')
    expect(await (await signIn()).json()).toMatchObject({ error: 'server_error' })
    mockAuth.use('locked')
    expect((await signIn()).status).toBe(423)
    mockAuth.use('default')
    expect((await signIn()).status).toBe(200)
  })

  it('previous tests left nothing behind (reset after each)', () => {
    expect(mockAuth.scenario).toBe('default')
    expect(mockAuth.state().sessions).toEqual([])
    expect(Math.abs(mockAuth.clock.now().getTime() - Date.now())).toBeLessThan(60_000)
  })
})

describe('test.concurrent with isolated()', () => {
  // Two tests that can only finish if they really overlap; each must still see only its own state.
  const gate = () => {
    let open!: () => void
    const opened = new Promise<void>((resolve) => (open = resolve))
    return { open, opened }
  }
  const aReady = gate()
  const bDone = gate()

  test.concurrent(
    'A: bad-credentials scenario and an advanced clock',
    mockAuth.isolated(async (auth) => {
      auth.use('bad-credentials')
      auth.clock.advance('1d')
      aReady.open()
      await bDone.opened
      expect((await signIn()).status).toBe(401)
      expect(auth.state().sessions).toEqual([])
      expect(auth.scenario).toBe('bad-credentials')
    }),
  )

  test.concurrent(
    'B: signs in normally while A is mid-test',
    mockAuth.isolated(async (auth) => {
      await aReady.opened
      expect(auth.scenario).toBe('default')
      expect(Math.abs(auth.clock.now().getTime() - Date.now())).toBeLessThan(60_000)
      expect((await signIn()).status).toBe(200)
      expect(auth.state().sessions).toHaveLength(1)
      bDone.open()
    }),
  )

  test.concurrent(
    'isolated namespaces do not touch the shared default namespace',
    mockAuth.isolated(async (auth) => {
      await auth.signIn('admin')
      expect(auth.namespace).toMatch(/^isolated-/)
      expect(mockAuth.state().sessions).toEqual([])
    }),
  )
})

describe('isolated() passes the test context through', () => {
  test.concurrent(
    'the context expect is the second argument',
    mockAuth.isolated(async (auth, { expect: localExpect }) => {
      auth.use('locked')
      localExpect((await signIn()).status).toBe(423)
    }),
  )
})

describe('setupMockAuth signs with node:crypto (mock-auth/node)', () => {
  it('signs synchronously, unlike the WebCrypto default', async () => {
    const keys = await mockAuth.engine.keys()
    expect(keys.sign(new TextEncoder().encode('a.b'))).toBeInstanceOf(Uint8Array)
  })
})

describe('isolated() cleans up', () => {
  it('forgets the namespaces of finished isolated tests', () => {
    expect(mockAuth.engine.namespaces().filter((name) => name.startsWith('isolated-'))).toEqual([])
  })
})
