// Run by Vitest in the consumer project: mock-auth/vitest from the installed tarball.
import { expect, test } from 'vitest'
import { setupMockAuth } from 'mock-auth/vitest'

const mockAuth = setupMockAuth({ listen: { onUnhandledRequest: 'error' } })
const api = 'http://localhost/api/auth'

// First, so a synchronous control call is this instance's first use: the engine loads then,
// through require(esm) from the installed package (src/node/engine-loader.ts).
test('a control call before any request loads the engine at once', async () => {
  expect(mockAuth.use('bad-credentials')).toMatchObject({ name: 'bad-credentials' })
  const refused = await fetch(`${api}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'test', password: 'test' }),
  })
  expect(refused.status).toBe(401)
})

test('signs in, reads /me with the cookie, and bad credentials are refused', async () => {
  const login = await fetch(`${api}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'test', password: 'test' }),
  })
  expect(login.status).toBe(200)
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
  const me = await fetch(`${api}/me`, { headers: { cookie } })
  expect(await me.json()).toMatchObject({ user: { username: 'test' } })
  mockAuth.use('bad-credentials')
  const refused = await fetch(`${api}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'test', password: 'test' }),
  })
  expect(await refused.json()).toMatchObject({ error: 'invalid_credentials' })
})
