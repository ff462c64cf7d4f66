import type { JWK } from 'jose'
import type { SignFn } from '../core/index.js'

/** SHA-256 of bytes (at_hash, PKCE S256); WebCrypto's by default. */
export type Sha256Fn = (data: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>

/**
 * Faster crypto a platform entry may inject, as the engine's `signer` (the providers import no
 * `node:*`): `serve` and `createServer` pass node:crypto's RSA signer on libuv's thread pool and
 * its synchronous SHA-256 (src/server/node-provider-crypto.ts). Without it, WebCrypto, which runs
 * everywhere, at the price of a thread-pool round trip per digest (bench/README.md).
 */
export interface ProviderCrypto {
  /** Made once per key set from the private RSA JWK: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3) of the signing input. */
  rsaSigner?: (privateJwk: JWK) => SignFn
  sha256?: Sha256Fn
}

/** WebCrypto's SHA-256, which runs everywhere (the browser entry's default). */
export const webSha256: Sha256Fn = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data))
