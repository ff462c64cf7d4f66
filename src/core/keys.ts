import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { MockAuthError } from './errors.js'

export type SigningAlgorithm = 'ES256' | 'HS256'

/** The keys one engine signs and verifies with. Only `jwks` is ever served. */
export interface KeySet {
  readonly alg: SigningAlgorithm
  readonly kid: string
  readonly signingKey: CryptoKey | Uint8Array
  readonly verificationKey: CryptoKey | Uint8Array
  /** RFC 7517 §5 JWK Set of the public keys; empty for HS256, whose secret must never be published. */
  readonly jwks: { keys: JWK[] }
  /** What `importKeySet` needs to rebuild the same keys (e.g. after a browser reload); private. */
  readonly exported: ExportedKeySet
}

export type ExportedKeySet =
  | { alg: 'ES256'; kid: string; privateJwk: JWK; publicJwk: JWK }
  | { alg: 'HS256'; kid: string; secret: string }

export interface KeyOptions {
  alg?: SigningAlgorithm
  /** The shared secret for HS256 (at least 32 bytes, RFC 7518 §3.2). */
  secret?: string
}

export async function createKeySet(options: KeyOptions = {}): Promise<KeySet> {
  const alg = options.alg ?? (options.secret === undefined ? 'ES256' : 'HS256')
  if (alg === 'HS256') {
    if (options.secret === undefined) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', 'HS256 needs a shared secret: pass `secret` (or --secret).')
    }
    return hmacKeySet(options.secret, await secretKid(options.secret))
  }
  if (alg !== 'ES256') {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Unsupported algorithm "${String(alg)}": use ES256 or HS256.`)
  }
  // Extractable so the browser entry can persist the key across reloads; it is never served.
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  return ecKeySet(privateKey, publicKey, { alg: 'ES256', kid, privateJwk: await exportJWK(privateKey), publicJwk })
}

export async function importKeySet(exported: ExportedKeySet): Promise<KeySet> {
  if (exported.alg === 'HS256') return hmacKeySet(exported.secret, exported.kid)
  const privateKey = await importJWK(exported.privateJwk, 'ES256', { extractable: true })
  const publicKey = await importJWK(exported.publicJwk, 'ES256')
  if (!(privateKey instanceof CryptoKey) || !(publicKey instanceof CryptoKey)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'The stored ES256 keys are not EC keys; clear the stored state.')
  }
  return ecKeySet(privateKey, publicKey, exported)
}

function ecKeySet(privateKey: CryptoKey, publicKey: CryptoKey, exported: ExportedKeySet & { alg: 'ES256' }): KeySet {
  const jwk: JWK = { ...exported.publicJwk, kid: exported.kid, alg: 'ES256', use: 'sig' }
  return { alg: 'ES256', kid: exported.kid, signingKey: privateKey, verificationKey: publicKey, jwks: { keys: [jwk] }, exported }
}

function hmacKeySet(secret: string, kid: string): KeySet {
  const key = new TextEncoder().encode(secret)
  if (key.byteLength < 32) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'The HS256 secret must be at least 32 bytes long (RFC 7518 §3.2).')
  }
  return { alg: 'HS256', kid, signingKey: key, verificationKey: key, jwks: { keys: [] }, exported: { alg: 'HS256', kid, secret } }
}

/** A kid that names the secret without revealing it: a hash prefix, not the secret. */
async function secretKid(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`mock-auth:${secret}`))
  return `hs-${[...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
