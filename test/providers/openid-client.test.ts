import { describe, it } from 'vitest'
import { toFetchResponse } from '../../src/core/index.js'
import { createProviderProtocol } from '../../src/providers/index.js'
import { openIdClientFlow } from './openid-client-flow.js'

describe('openid-client 6 against the provider protocol (in-process fetch)', () => {
  it('runs discovery, code + PKCE, refresh, userinfo and end-session', async () => {
    const protocol = createProviderProtocol()
    const env = { state: protocol.createState(), now: Date.now() }
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      env.now = Date.now()
      const result = await protocol.fetch(request, env)
      return result ? toFetchResponse(result) : new Response('not found', { status: 404 })
    }) as typeof fetch
    await openIdClientFlow({ origin: 'http://127.0.0.1:4999', fetch: fetchImpl }, { loginHint: 'admin@example.com', expectedSub: '100000000000000000002' })
  })
})
