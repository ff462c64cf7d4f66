import { createHmac, createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto'
import type { ExportedKeySet, SignFn } from '../core/index.js'

/**
 * node:crypto's synchronous signer for the engine's keys, for in-process use (MSW, Vitest, the
 * Playwright fixture), where calls come one at a time: no thread-pool round trip per signature.
 * Same keys, same output as WebCrypto: ES256 as the 64-byte R||S of RFC 7518 §3.4
 * (`dsaEncoding: 'ieee-p1363'`), HS256 as the HMAC.
 */
export function nodeSigner(exported: ExportedKeySet): SignFn {
  if (exported.alg === 'HS256') return hmacSigner(exported.secret)
  const options = ecOptions(exported.privateJwk as JsonWebKey)
  return (data) => sign('sha256', data, options)
}

/**
 * The same ES256 signature made on libuv's thread pool (`crypto.sign` with a callback), for the
 * server: many clients sign in at once, and while one signature is being made the main thread
 * serves other requests. On the 2-vCPU bench machine the main thread is the limit and the second
 * core is mostly idle, so sign-in throughput went up by about 20% (bench/README.md); one call at
 * a time it is slower, which is why the in-process helpers use `nodeSigner`. HS256 stays
 * synchronous: an HMAC costs less than handing it to another thread.
 */
export function threadPoolSigner(exported: ExportedKeySet): SignFn {
  if (exported.alg === 'HS256') return hmacSigner(exported.secret)
  const options = ecOptions(exported.privateJwk as JsonWebKey)
  return (data) =>
    new Promise<Uint8Array>((resolve, reject) => {
      sign('sha256', data, options, (error, signature) => (error ? reject(error) : resolve(signature)))
    })
}

function ecOptions(jwk: JsonWebKey): { key: KeyObject; dsaEncoding: 'ieee-p1363' } {
  return { key: createPrivateKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }
}

function hmacSigner(secret: string): SignFn {
  const key = Buffer.from(secret, 'utf8')
  return (data) => createHmac('sha256', key).update(data).digest()
}
