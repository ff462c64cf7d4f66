import { createLocalJWKSet, jwtVerify } from 'jose'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockAuth as createPortableMockAuth, type SignFn } from '../../src/index.js'
import { createMockAuth, nodeSigner } from '../../src/node/index.js'

const data = new TextEncoder().encode('header.payload')

describe('mock-auth/node', () => {
  it('signs with node:crypto: synchronously, where the root (WebCrypto) returns a promise', async () => {
    const node = await createMockAuth().engine.keys()
    const portable = await createPortableMockAuth().engine.keys()
    expect(node.sign(data)).toBeInstanceOf(Uint8Array)
    expect(portable.sign(data)).toBeInstanceOf(Promise)
  })

  it('keeps a signer given in the options (root and node entry alike)', async () => {
    const calls: string[] = []
    const spying = (name: string) => (exported: Parameters<typeof nodeSigner>[0]): SignFn => {
      const inner = nodeSigner(exported)
      return (input) => {
        calls.push(name)
        return inner(input)
      }
    }
    await createMockAuth({ signer: spying('node') }).signIn('test')
    await createPortableMockAuth({ signer: spying('root') }).signIn('test')
    expect(calls).toEqual(['node', 'root'])
  })

  describe('through setupServer', () => {
    const mockAuth = createMockAuth({ baseUrl: 'http://app.test/api/auth' })
    const server = setupServer(...mockAuth.handlers)
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('answers a sign-in whose token verifies against the served JWKS, with both cookies', async () => {
      const res = await fetch('http://app.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'test', password: 'test' }),
      })
      expect(res.status).toBe(200)
      expect(res.headers.getSetCookie().map((c) => c.split('=', 1)[0])).toEqual(['session', 'refresh_token'])
      const { accessToken } = (await res.json()) as { accessToken: string }
      const jwks = await (await fetch('http://app.test/.well-known/jwks.json')).json()
      const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks), { issuer: 'https://mock-auth.invalid', audience: 'mock-auth' })
      expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt' })
      expect(payload).toMatchObject({ username: 'test' })
      const me = await fetch('http://app.test/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } })
      expect(me.status).toBe(200)
    })

    it('signs HS256 with a secret the same way', async () => {
      const hs = createMockAuth({ secret: 's'.repeat(32) })
      const { accessToken } = await hs.signIn('test')
      const { payload } = await jwtVerify(accessToken, new TextEncoder().encode('s'.repeat(32)), { algorithms: ['HS256'] })
      expect(payload).toMatchObject({ username: 'test' })
    })
  })
})
