import { describe, expect, it } from 'vitest'
import { toFetchResponse } from '../../src/core/index.js'
import { createProviderProtocol } from '../../src/providers/index.js'
import { authJsGoogleSignIn, chooseAccount } from './authjs-flow.js'

describe('a real @auth/core Auth() with Google({ issuer }) pointed at the mock (in-process fetch)', () => {
  it('signs in through the chooser and reads the profile from the id_token', async () => {
    const protocol = createProviderProtocol()
    const env = { state: protocol.createState(), now: Date.now() }
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const result = await protocol.fetch(new Request(input, init), { ...env, now: Date.now() })
      return result ? toFetchResponse(result) : new Response('not found', { status: 404 })
    }) as typeof fetch
    const session = await authJsGoogleSignIn({ origin: 'http://127.0.0.1:4998', fetch: fetchImpl }, chooseAccount('admin@example.com'))
    expect(session.user).toMatchObject({ email: 'admin@example.com', name: 'Admin User', image: 'https://mock-auth.invalid/avatars/admin.png' })
  })
})
