import { expect, it } from 'vitest'
import { describeScenarios } from '../../src/testing/vitest.js'

// describeScenarios on its own: it sets up mock-auth itself (one msw server for all the describes).
describeScenarios(['default', 'expired', 'rate-limited'], (scenario, mockAuth) => {
  it('one body, every scenario', async () => {
    const res = await fetch('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password: 'test' }) })
    if (scenario === 'rate-limited') {
      expect(res.status).toBe(429)
      expect(mockAuth).not.toHaveSignedIn()
      return
    }
    expect(res.status).toBe(200)
    const { accessToken } = (await res.json()) as { accessToken: string }
    const me = await fetch('http://localhost/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } })
    expect(me.status).toBe(scenario === 'expired' ? 401 : 200)
    expect(mockAuth).toHaveSignedIn('test')
    expect(mockAuth).toHaveHandled('me', { times: 1, error: scenario === 'expired' ? 'token_expired' : null })
  })
}, { scenarios: [] })
