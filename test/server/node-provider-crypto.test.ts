import { exportJWK } from 'jose/key/export'
import { generateKeyPair } from 'jose/key/generate/keypair'
import { describe, expect, it } from 'vitest'
import { nodeProviderCrypto, threadPoolProviderCrypto } from '../../src/server/node-provider-crypto.js'
import { webSha256 } from '../../src/providers/provider-crypto.js'

// RSASSA-PKCS1-v1_5 is deterministic (RFC 8017 §8.2.1): the same key and input give the same
// bytes, so node:crypto's signature must equal WebCrypto's exactly, not merely verify.
describe('node:crypto for the providers (RS256, SHA-256)', () => {
  it('signs byte-for-byte as WebCrypto does, synchronously and on the thread pool', async () => {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })
    const jwk = await exportJWK(privateKey)
    const input = new TextEncoder().encode('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDAwMDAwMDAwMDAwMDAwMDAwMDEifQ')
    const web = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey as CryptoKey, input))
    const sync = nodeProviderCrypto.rsaSigner!(jwk)(input)
    expect(sync).not.toBeInstanceOf(Promise)
    expect(new Uint8Array(await sync)).toEqual(web)
    const pooled = threadPoolProviderCrypto.rsaSigner!(jwk)(input)
    expect(pooled).toBeInstanceOf(Promise)
    expect(new Uint8Array(await pooled)).toEqual(web)
  })

  it('hashes as WebCrypto does', async () => {
    const data = new TextEncoder().encode('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(new Uint8Array(nodeProviderCrypto.sha256!(data) as Uint8Array)).toEqual(new Uint8Array(await webSha256(data)))
  })
})
