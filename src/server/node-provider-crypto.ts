import { createPrivateKey, hash, sign, type JsonWebKey } from 'node:crypto'
import type { ProviderCrypto } from '../providers/index.js'

/**
 * node:crypto for the mock identity providers' RS256 id_tokens and SHA-256 digests (at_hash, PKCE
 * S256), injected as `providerWiring(inputs, crypto)`: the providers stay free of `node:*`. The
 * RSA private key is imported into a KeyObject once per key set, never per request.
 *
 * Server (`serve`, `createServer`): the signature on libuv's thread pool (`crypto.sign` with a
 * callback), as the engine's ES256 `threadPoolSigner`: an RSA-2048 signature costs ~0.35 ms of
 * CPU, and the main thread hands it off for ~40 us and serves other requests meanwhile. The
 * digest is synchronous: a SHA-256 of 43 bytes costs ~3 us on the main thread, where WebCrypto's
 * thread-pool round trip cost ~17 us of it (bench/README.md).
 */
export const threadPoolProviderCrypto: ProviderCrypto = {
  rsaSigner(privateJwk) {
    const key = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' })
    return (data) =>
      new Promise<Uint8Array>((resolve, reject) => {
        sign('sha256', data, key, (error, signature) => (error ? reject(error) : resolve(signature)))
      })
  },
  sha256: nodeSha256,
}

/** In-process (MSW in Node, Vitest, the Playwright fixture): calls come one at a time, so sign synchronously. */
export const nodeProviderCrypto: ProviderCrypto = {
  rsaSigner(privateJwk) {
    const key = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' })
    return (data) => sign('sha256', data, key)
  },
  sha256: nodeSha256,
}

/** One-shot `crypto.hash` (Node >= 20.12): no Hash object per digest, ~1 us less than createHash's. */
function nodeSha256(data: Uint8Array): Uint8Array {
  return hash('sha256', data, 'buffer')
}
