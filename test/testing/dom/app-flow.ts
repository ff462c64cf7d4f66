import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { setupMockAuth, type VitestMockAuth } from '../../../src/testing/vitest.js'

let mockAuth: VitestMockAuth

/**
 * An app's own auth client as it runs in a page: same-origin relative URLs and
 * `credentials: 'include'`, never touching a cookie (they are HttpOnly, the app cannot).
 */
const call = (path: string, init: RequestInit = {}) => fetch(`/api/auth${path}`, { credentials: 'include', ...init })
const signIn = (password = 'test') =>
  call('/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password }) })

/** Whether msw hands its handlers the request's own credentials mode (msw 2 does; msw 3 in Node cannot). */
async function mswKeepsCredentialsMode(): Promise<boolean> {
  mockAuth.server.use(http.get('*/__credentials-probe', ({ request }) => HttpResponse.text(request.credentials)))
  return (await (await fetch('/__credentials-probe', { credentials: 'omit' })).text()) === 'omit'
}

/** The sign-in → /me → /session → sign-out flow, as the app in a browser sees it, in this test file's environment. */
export function describeAppFlow(): void {
  mockAuth = setupMockAuth({ listen: { onUnhandledRequest: 'error' } })

  test('the page is where the app thinks it is', () => {
    expect(typeof document).toBe('object')
    expect(location.origin).toBe('http://localhost:3000')
  })

  test('signs in, then /me and /session see the session through its cookies, then signs out', async () => {
    expect((await signIn()).status).toBe(200)
    const me = await call('/me')
    expect({ status: me.status, body: await me.json() }).toMatchObject({ status: 200, body: { user: { username: 'test' } } })
    const session = await call('/session')
    expect(await session.json()).toMatchObject({ authenticated: true, user: { username: 'test' } })

    expect((await call('/logout', { method: 'POST' })).status).toBeLessThan(300)
    expect(await (await call('/session')).json()).toMatchObject({ authenticated: false })
    expect((await call('/me')).status).toBe(401)
  })

  test("credentials: 'omit' sends no session, as a browser would", async (context) => {
    // msw 3 in Node rebuilds each request from the bytes on the socket, where the credentials mode
    // is gone (every request reads 'same-origin'): there mock-auth cannot tell 'omit' (docs/vitest.md).
    if (!(await mswKeepsCredentialsMode())) context.skip()
    expect((await signIn()).status).toBe(200)
    expect(await (await call('/session', { credentials: 'omit' })).json()).toMatchObject({ authenticated: false })
    expect(await (await call('/session')).json()).toMatchObject({ authenticated: true })
  })

  test('a new test starts signed out (state and cookies do not leak between tests)', async () => {
    expect(await (await call('/session')).json()).toMatchObject({ authenticated: false })
  })

  test('a wrong password leaves the app signed out', async () => {
    expect((await signIn('wrong')).status).toBe(401)
    expect(await (await call('/session')).json()).toMatchObject({ authenticated: false })
  })
}
