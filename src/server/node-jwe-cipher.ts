import { createCipheriv, createHmac } from 'node:crypto'
import type { JweContentCipher } from '../dialects/next-auth/index.js'

/**
 * node:crypto's synchronous content encryption for the next-auth/authjs session JWE, for the
 * server: next-auth re-seals its cookie on every session read, and WebCrypto makes each seal a
 * thread-pool round trip (v5's A256CBC-HS512 through jose: two key imports, an encryption and an
 * HMAC). Same bytes as jose for the same IV: next-auth's `decode` opens them. The parts go back
 * as base64url, which Buffer encodes natively.
 */
export const nodeJweCipher: JweContentCipher = (enc, key, iv, aad, plaintext) => {
  if (enc === 'A256GCM') {
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    cipher.setAAD(aad)
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
    return { ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') }
  }
  // RFC 7518 §5.2.2.1: MAC_KEY is the first half, ENC_KEY the second; AES-256-CBC with PKCS#7
  // padding; T is the first half of HMAC-SHA-512(MAC_KEY, A || IV || E || AL), AL the AAD's bit length.
  const half = key.length / 2
  const cipher = createCipheriv('aes-256-cbc', key.subarray(half), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const al = Buffer.alloc(8)
  al.writeBigUInt64BE(BigInt(aad.length * 8))
  const tag = createHmac('sha512', key.subarray(0, half)).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, half)
  return { ciphertext: ciphertext.toString('base64url'), tag: tag.toString('base64url') }
}
