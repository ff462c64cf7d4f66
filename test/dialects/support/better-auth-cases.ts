import { createHmac } from 'node:crypto'
import { createAuthClient } from 'better-auth/client'
import { expect, it } from 'vitest'

/**
 * A cookie-keeping fetch for better-auth's client in Node (its `customFetchImpl`): Node's fetch
 * keeps no cookies and always sends `sec-fetch-mode: cors`, so, as the better-auth docs say for
 * Node, it also sends the app's Origin.
 */
export function jarFetch(origin: string) {
  const jar = new Map<string, string>()
  const seen: string[] = []
  const impl: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const headers = new Headers(request.headers)
    headers.set('origin', origin)
    if (jar.size > 0) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '))
    const response = await fetch(new Request(request, { headers }))
    for (const line of response.headers.getSetCookie()) {
      seen.push(line)
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      if (/;\s*max-age=0/i.test(line)) jar.delete(name)
      else jar.set(name, pair.slice(eq + 1))
    }
    return response
  }
  return { impl, jar, seen }
}

export interface BetterAuthTarget {
  /** The app's origin the client talks to (`http://127.0.0.1:PORT` for serve, `http://localhost:3000` under MSW). */
  origin: string
  use(scenario: string): Promise<void>
  reset(): Promise<void>
  /** The secret the session cookie is signed with. */
  secret: string
}

/** better-auth 1.7's real `createAuthClient`, unmodified, through each transport. */
export function betterAuthCases(target: () => BetterAuthTarget): void {
  const client = () => {
    const t = target()
    const jar = jarFetch(t.origin)
    const auth = createAuthClient({ baseURL: t.origin, fetchOptions: { customFetchImpl: jar.impl } })
    return { t, jar, auth }
  }

  it('signs up, reads the session, signs out', async () => {
    const { jar, auth } = client()
    const up = await auth.signUp.email({ email: 'new@example.com', password: 'password123', name: 'New Person' })
    expect(up.error).toBeNull()
    expect(up.data?.user).toMatchObject({ email: 'new@example.com', name: 'New Person', emailVerified: false })
    const session = await auth.getSession()
    expect(session.data?.user.email).toBe('new@example.com')
    expect(session.data?.session.token).toBe(up.data?.token)
    expect(jar.jar.has('better-auth.session_token')).toBe(true)
    const out = await auth.signOut()
    expect(out.data).toEqual({ success: true })
    expect((await auth.getSession()).data).toBeNull()
  })

  it('signs in a seeded user; the cookie is <token>.<base64 HMAC-SHA256(token, secret)>', async () => {
    const { t, jar, auth } = client()
    const result = await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect(result.error).toBeNull()
    expect(result.data).toMatchObject({ redirect: false, user: { id: 'user123', email: 'test@example.com', name: 'Test User' } })
    const cookie = decodeURIComponent(jar.jar.get('better-auth.session_token') ?? '')
    const dot = cookie.lastIndexOf('.')
    expect(cookie.slice(0, dot)).toBe(result.data?.token)
    expect(cookie.slice(dot + 1)).toBe(createHmac('sha256', t.secret).update(cookie.slice(0, dot)).digest('base64'))
    const session = await auth.getSession()
    expect(session.data?.session.userId).toBe('user123')
  })

  it('bad credentials: 401 INVALID_EMAIL_OR_PASSWORD, and no session', async () => {
    const { auth } = client()
    const result = await auth.signIn.email({ email: 'test@example.com', password: 'wrong-password' })
    expect(result.data).toBeNull()
    expect(result.error).toMatchObject({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' })
    expect((await auth.getSession()).data).toBeNull()
  })

  it('sign-up errors as better-auth answers them', async () => {
    const { auth } = client()
    expect((await auth.signUp.email({ email: 'test@example.com', password: 'password123', name: 'Dup' })).error).toMatchObject({ status: 422, code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' })
    expect((await auth.signUp.email({ email: 'short@example.com', password: 'short', name: 'S' })).error).toMatchObject({ status: 400, code: 'PASSWORD_TOO_SHORT' })
    expect((await auth.signUp.email({ email: 'not-an-email', password: 'password123', name: 'S' })).error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' })
    expect((await auth.signIn.email({ email: 'not-an-email', password: 'password123' })).error).toMatchObject({ status: 400, code: 'INVALID_EMAIL' })
  })

  it('the bad-credentials scenario refuses even the right password', async () => {
    const { t, auth } = client()
    await t.use('bad-credentials')
    const result = await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect(result.error).toMatchObject({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' })
  })

  it('the expired scenario: sign-in answers, the session reads signed out', async () => {
    const { t, auth } = client()
    await t.use('expired')
    const result = await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect(result.error).toBeNull()
    expect((await auth.getSession()).data).toBeNull()
  })

  it('the server-error scenario: 500 on sign-in and on the session', async () => {
    const { t, auth } = client()
    await t.use('server-error')
    expect((await auth.signIn.email({ email: 'test@example.com', password: 'test' })).error).toMatchObject({ status: 500 })
    expect((await auth.getSession()).error).toMatchObject({ status: 500 })
  })

  it('sessions: list, update the user, change the password, revoke the others', async () => {
    const { auth } = client()
    const other = client()
    await other.auth.signIn.email({ email: 'test@example.com', password: 'test' })
    await auth.signIn.email({ email: 'test@example.com', password: 'test' })
    expect((await auth.listSessions()).data).toHaveLength(2)
    expect((await auth.updateUser({ name: 'Renamed' })).data).toEqual({ status: true })
    expect((await auth.getSession()).data?.user.name).toBe('Renamed')
    expect((await auth.changePassword({ currentPassword: 'nope', newPassword: 'password456' })).error).toMatchObject({ status: 400, code: 'INVALID_PASSWORD' })
    expect((await auth.changePassword({ currentPassword: 'test', newPassword: 'password456' })).data).toMatchObject({ token: null })
    expect((await auth.revokeOtherSessions()).data).toEqual({ status: true })
    expect((await other.auth.getSession()).data).toBeNull()
    expect((await auth.getSession()).data?.user.id).toBe('user123')
    expect((await auth.signIn.email({ email: 'test@example.com', password: 'password456' })).error).toBeNull()
  })
}
