import { createLocalJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { createKeySet, withSigner } from '../../src/core/index.js'
import { signAccessToken, verifyAccessToken } from '../../src/core/tokens.js'
import { nodeSigner, threadPoolSigner } from '../../src/server/node-signer.js'

const settings = { issuer: 'https://mock-auth.invalid', audience: 'mock-auth', clockToleranceSeconds: 0 }
const input = { subject: 'u1', sessionId: 's1', claims: { username: 'test' }, nowMs: Date.now(), ttlMs: 60_000 }

describe.each([
  ['nodeSigner', nodeSigner],
  ['threadPoolSigner', threadPoolSigner],
])('%s', (_name, signer) => {
  it('signs ES256 tokens that jose verifies against the JWKS', async () => {
    const keys = withSigner(await createKeySet(), signer)
    const { token } = await signAccessToken(keys, settings, input)
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks), { algorithms: ['ES256'], issuer: settings.issuer, audience: settings.audience })
    expect(payload).toMatchObject({ sub: 'u1', sid: 's1' })
  })

  it('signs HS256 tokens that the WebCrypto path verifies, and a wrong secret does not', async () => {
    const keys = withSigner(await createKeySet({ secret: 's'.repeat(32) }), signer)
    const { token } = await signAccessToken(keys, settings, input)
    expect((await verifyAccessToken(keys, settings, token, input.nowMs)).ok).toBe(true)
    const other = await createKeySet({ secret: 't'.repeat(32) })
    expect(await verifyAccessToken({ ...other, kid: keys.kid }, settings, token, input.nowMs)).toMatchObject({ ok: false, code: 'invalid_token' })
  })
})

describe('threadPoolSigner', () => {
  it('signs off the main thread: the event loop turns while signatures are made, and all verify', async () => {
    for (const [signer, offThread] of [[nodeSigner, false], [threadPoolSigner, true]] as const) {
      const keys = withSigner(await createKeySet(), signer)
      let loopTurned = false
      setImmediate(() => (loopTurned = true))
      // A synchronous signer settles these in microtasks, before the loop can run the immediate.
      const signed = await Promise.all(Array.from({ length: 8 }, (_, i) => signAccessToken(keys, settings, { ...input, sessionId: `s${i}` })))
      expect(loopTurned).toBe(offThread)
      for (const { token } of signed) expect((await verifyAccessToken(keys, settings, token, input.nowMs)).ok).toBe(true)
    }
  })
})
