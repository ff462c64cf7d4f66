import { createHmac, createPrivateKey, sign, type JsonWebKey } from 'node:crypto'
import type { ExportedKeySet, SignFn } from '../core/index.js'

/**
 * node:crypto's synchronous signer for the engine's keys. WebCrypto's `subtle.sign` runs each
 * signature as a thread-pool job and resolves a promise later; on a busy sign-in path that
 * round trip cost more than the ECDSA itself (see bench/README.md). Same keys, same output:
 * ES256 as the 64-byte R||S of RFC 7518 §3.4 (`dsaEncoding: 'ieee-p1363'`), HS256 as the HMAC.
 */
export function nodeSigner(exported: ExportedKeySet): SignFn {
  if (exported.alg === 'HS256') {
    const secret = Buffer.from(exported.secret, 'utf8')
    return (data) => createHmac('sha256', secret).update(data).digest()
  }
  const key = createPrivateKey({ key: exported.privateJwk as JsonWebKey, format: 'jwk' })
  return (data) => sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
}
