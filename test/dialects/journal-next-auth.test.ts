import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, type AuthResult } from '../../src/core/index.js'
import { resolveDialect } from '../../src/dialects/index.js'

const BASE = 'http://localhost:3000/api/auth'

/** The journal over authjs: v5 answers a failed sign-in with 200, the journal still names the core code. */
describe('journal over the authjs dialect', () => {
  it('records invalid_credentials for a 200 CredentialsSignin answer, and a canned server_error', async () => {
    const e = createEngine({ dialect: resolveDialect('authjs', { secret: 'journal-secret' }), scenarios: builtinScenarios })
    const csrf = (await e.fetch(new Request(`${BASE}/csrf`))) as AuthResult
    const cookie = csrf.cookies.map((c) => c.split(';', 1)[0]).join('; ')
    const token = (JSON.parse(csrf.body ?? '{}') as { csrfToken: string }).csrfToken
    const signIn = (password: string) =>
      e.fetch(new Request(`${BASE}/callback/credentials`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
        body: new URLSearchParams({ username: 'test', password, csrfToken: token, callbackUrl: '/' }),
      })) as Promise<AuthResult>
    expect((await signIn('wrong')).status).toBe(200)
    e.namespace().use('server-error')
    await signIn('test')
    const entries = e.namespace().journal.entries().filter((x) => x.operation === 'signIn')
    expect(entries.map(({ status, error }) => ({ status, error }))).toEqual([
      { status: 200, error: 'invalid_credentials' },
      { status: 200, error: 'server_error' },
    ])
  })
})
