import { describe, expect, it } from 'vitest'
import { totpCode } from '../../src/index.js'
import { describeScenarios, setupMockAuth } from '../../src/testing/vitest.js'

/**
 * docs/vitest.md's "One test body, every scenario" and docs/mfa-and-mail.md's `totpCode`, run as
 * the docs write them (imports from the source instead of the package). The file has its own
 * `setupMockAuth()`, so this also holds the doc's warning: passing `{ mockAuth }` keeps the file's
 * instance in charge of the requests, and its `use()` and `clock` keep working next to the matrix.
 */
const secret = 'JBSWY3DPEHPK3PXP'
const mockAuth = setupMockAuth({ users: [{ id: 'user123', username: 'test', password: 'test' }, { id: 'u-mfa', username: 'otp', password: 'pw', mfa: { totp: secret } }] })
const api = 'http://localhost/api/auth'
const post = (path: string, body: unknown) => fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const signIn = () => post('/login', { username: 'test', password: 'test' })

describeScenarios(
  ['default', 'expired', 'rate-limited'],
  (scenario, auth) => {
    it('the account page copes', async () => {
      const res = await signIn()
      if (scenario === 'rate-limited') return expect(res.status).toBe(429)
      expect(auth).toHaveSignedIn('test')
    })
  },
  { mockAuth },
)

describe('the file instance next to the matrix', () => {
  it('still answers as its own scenario says', async () => {
    mockAuth.use('server-error')
    expect((await signIn()).status).toBe(500)
  })

  it('types the TOTP code on the mock clock after moving it (totpCode(secret, mockAuth.clock.now()))', async () => {
    mockAuth.clock.advance('3d')
    const { challengeId } = (await (await post('/login', { username: 'otp', password: 'pw' })).json()) as { challengeId: string }
    // Three days ahead, the real time's code is stale for the engine; the mock clock's is not.
    expect((await post('/mfa/verify', { challengeId, code: await totpCode(secret) })).status).toBe(401)
    const res = await post('/mfa/verify', { challengeId, code: await totpCode(secret, mockAuth.clock.now()) })
    expect(res.status).toBe(200)
    expect(mockAuth).toHaveSignedIn('otp') // the second factor completes the sign-in
  })
})
