// Keys are made, exported and imported with WebCrypto itself (no jose module at all): every test
// file and `serve` creates a key set, and loading jose's key modules for it showed in their start.
import type { JWK } from 'jose'
import { base64url, base64urlJson } from './base64url.js'
import { MockAuthError } from './errors.js'
import { ACCESS_TOKEN_TYPE } from './token-type.js'

/**
 * Signs a JWS signing input (RFC 7515 §5.1 step 5) and returns the raw signature: for ES256 the
 * 64-byte R||S form RFC 7518 §3.4 requires, for HS256 the HMAC. The default uses WebCrypto, so it
 * runs anywhere; a platform adapter may inject a faster one (`EngineOptions.signer`).
 */
export type SignFn = (signingInput: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> | Uint8Array

export type SigningAlgorithm = 'ES256' | 'HS256'

/** The keys one engine signs and verifies with. Only `jwks` is ever served. */
export interface KeySet {
  readonly alg: SigningAlgorithm
  readonly kid: string
  readonly signingKey: CryptoKey | Uint8Array
  readonly verificationKey: CryptoKey | Uint8Array
  readonly sign: SignFn
  /**
   * The encoded JWS Protected Header every access token of this key set carries (RFC 7515 §4:
   * `alg`, `kid`, and `typ` per RFC 9068 §2.1). It never changes, so it is encoded once here
   * rather than on every sign-in.
   */
  readonly header: string
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
  const { privateKey, publicKey } = await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])
  const publicJwk = ecJwk(await crypto.subtle.exportKey('jwk', publicKey))
  const kid = await jwkThumbprint(publicJwk)
  return ecKeySet(privateKey, publicKey, { alg: 'ES256', kid, privateJwk: { ...publicJwk, d: (await crypto.subtle.exportKey('jwk', privateKey)).d as string }, publicJwk })
}

/** The same keys with another signer, e.g. node:crypto's synchronous one (see `EngineOptions.signer`). */
export function withSigner(keys: KeySet, signer: (exported: ExportedKeySet) => SignFn): KeySet {
  return { ...keys, sign: signer(keys.exported) }
}

export async function importKeySet(exported: ExportedKeySet): Promise<KeySet> {
  if (exported.alg === 'HS256') return hmacKeySet(exported.secret, exported.kid)
  if (exported.privateJwk.kty !== 'EC' || exported.publicJwk.kty !== 'EC') {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'The stored ES256 keys are not EC keys; clear the stored state.')
  }
  const privateKey = await crypto.subtle.importKey('jwk', { ...ecJwk(exported.privateJwk), d: exported.privateJwk.d } as JsonWebKey, EC_P256, true, ['sign'])
  const publicKey = await crypto.subtle.importKey('jwk', ecJwk(exported.publicJwk) as JsonWebKey, EC_P256, true, ['verify'])
  return ecKeySet(privateKey, publicKey, exported)
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const

/** The public members of an EC JWK (RFC 7518 §6.2.1), without WebCrypto's `key_ops`/`ext`. */
function ecJwk(jwk: JsonWebKey | JWK): JWK {
  return { kty: 'EC', crv: jwk.crv as string, x: jwk.x as string, y: jwk.y as string }
}

/** RFC 7638 §3.2: SHA-256 over the required members of the EC key, in lexicographic order. */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  const input = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input))))
}

function ecKeySet(privateKey: CryptoKey, publicKey: CryptoKey, exported: ExportedKeySet & { alg: 'ES256' }): KeySet {
  const jwk: JWK = { ...exported.publicJwk, kid: exported.kid, alg: 'ES256', use: 'sig' }
  const sign: SignFn = async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data))
  return { alg: 'ES256', kid: exported.kid, signingKey: privateKey, verificationKey: publicKey, sign, header: jwsHeader('ES256', exported.kid), jwks: { keys: [jwk] }, exported }
}

function hmacKeySet(secret: string, kid: string): KeySet {
  const key = new TextEncoder().encode(secret)
  if (key.byteLength < 32) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'The HS256 secret must be at least 32 bytes long (RFC 7518 §3.2).')
  }
  let hmac: Promise<CryptoKey> | undefined
  const sign: SignFn = async (data) => {
    hmac ??= crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    return new Uint8Array(await crypto.subtle.sign('HMAC', await hmac, data))
  }
  return { alg: 'HS256', kid, signingKey: key, verificationKey: key, sign, header: jwsHeader('HS256', kid), jwks: { keys: [] }, exported: { alg: 'HS256', kid, secret } }
}

function jwsHeader(alg: SigningAlgorithm, kid: string): string {
  return base64urlJson({ alg, kid, typ: ACCESS_TOKEN_TYPE })
}

/** A kid that names the secret without revealing it: a hash prefix, not the secret. */
async function secretKid(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`mock-auth:${secret}`))
  return `hs-${[...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** A JWK Set holding private signing keys, as `--keys FILE` stores it (RFC 7517 §5). Never serve it. */
export interface PrivateJwks {
  keys: JWK[]
}

/**
 * The key set as a private JWK Set: for ES256 the EC private key (`d` included), for HS256 an
 * `oct` key whose `k` is the secret (RFC 7518 §6.4). What `mock-auth keys --out` writes, so a
 * restarted server signs with the same keys and an app that cached the JWKS keeps verifying.
 */
export function exportPrivateJwks(keys: KeySet): PrivateJwks {
  const exported = keys.exported
  if (exported.alg === 'HS256') {
    return { keys: [{ kty: 'oct', k: base64url(new TextEncoder().encode(exported.secret)), kid: exported.kid, alg: 'HS256', use: 'sig' }] }
  }
  return { keys: [{ ...exported.privateJwk, kid: exported.kid, alg: 'ES256', use: 'sig' }] }
}

/** Rebuilds a key set from a private JWK Set (the first key is used); every problem says what to fix. */
export async function importPrivateJwks(value: unknown, source = 'the key set'): Promise<KeySet> {
  const jwk = (value as { keys?: unknown } | null)?.keys
  const first = Array.isArray(jwk) ? (jwk[0] as JWK | undefined) : undefined
  const bad = (why: string) => new MockAuthError('ERR_INVALID_OPTIONS', `Invalid ${source}: ${why}. Write a fresh one with "mock-auth keys --out FILE".`)
  if (typeof first !== 'object' || first === null) throw bad('expected a JWK Set {"keys": [ ... ]} with one private key')
  if (first.kty === 'oct') {
    if (first.alg !== undefined && first.alg !== 'HS256') throw bad(`an oct key must be HS256, not ${String(first.alg)}`)
    if (typeof first.k !== 'string') throw bad('the oct key has no "k"')
    let secret: string
    try {
      secret = new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(first.k))
    } catch {
      throw bad('the oct key\'s "k" is not base64url text')
    }
    return hmacKeySet(secret, typeof first.kid === 'string' ? first.kid : await secretKid(secret))
  }
  if (first.kty !== 'EC' || first.crv !== 'P-256') throw bad(`the key must be an EC P-256 (ES256) or oct (HS256) key, not ${String(first.kty)} ${String(first.crv ?? '')}`.trim())
  if (typeof first.d !== 'string' || typeof first.x !== 'string' || typeof first.y !== 'string') throw bad('the EC key must be private (with "d", "x" and "y")')
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x: first.x, y: first.y }
  const privateJwk: JWK = { ...publicJwk, d: first.d }
  const kid = typeof first.kid === 'string' ? first.kid : await jwkThumbprint(publicJwk)
  try {
    return await importKeySet({ alg: 'ES256', kid, privateJwk, publicJwk })
  } catch (error) {
    if (error instanceof MockAuthError) throw error
    throw bad('the EC key could not be imported')
  }
}

/** A random HS256 secret: 32 random bytes as base64url text (43 characters). */
export function randomSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

function base64urlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url')
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}
