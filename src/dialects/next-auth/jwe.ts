import { base64url, base64urlJson } from '../../core/base64url.js'
import { BoundedMap } from '../../core/index.js'
import { RandomPool } from '../../core/random-pool.js'
import type { NextAuthWire } from './wire.js'

/**
 * jose's JWE modules, loaded on first use: an app on the REST dialect (and `serve`'s cold start)
 * never pays for them.
 */
const jose = {
  encrypt: () => import('jose/jwt/encrypt'),
  decrypt: () => import('jose/jwt/decrypt'),
  thumbprint: () => import('jose/jwk/thumbprint'),
  base64url: () => import('jose/base64url'),
}

/** What the session cookie's JWE carries: next-auth's default token plus the mock's session id. */
export interface SessionTokenClaims {
  name?: string
  email?: string
  picture?: string
  sub: string
  /** The core's session, so a signed-out or revoked session stops reading as signed in. */
  sid: string
  iat?: number
  exp?: number
  jti?: string
}

/** next-auth's `decode` leeway (`clockTolerance: 15`), kept so an app reading our cookie agrees with us. */
const CLOCK_TOLERANCE_SECONDS = 15

/** How many tokens this instance sealed are remembered (as the core's verified-token cache). */
const SEALED_MAX = 10_000

/** A derived key: for jose the raw bytes (A256CBC-HS512, which jose takes as bytes only) or an AES-GCM CryptoKey imported once (v4); `raw` for an injected cipher. */
interface DerivedKey {
  key: Uint8Array | CryptoKey
  raw: Uint8Array
  /** The protected header every token of this key carries (v5 with the key's `kid`)... */
  header: { alg: 'dir'; enc: NextAuthWire['jwe']['enc']; kid?: string }
  /** ...and its encoding, which is also the AAD (RFC 7516 §5.1 step 14): made once, not per seal. */
  encodedHeader: string
  aad: Uint8Array
}

/**
 * The content encryption of a `dir` JWE (RFC 7516 §5.1 steps 11-15: plaintext, CEK = the key, IV
 * and AAD = the ASCII of the encoded protected header) for A256GCM (RFC 7518 §5.3) or
 * A256CBC-HS512 (§5.2.2.1, the key's first half MACs, its second encrypts). Injected where a
 * synchronous implementation is at hand (the server passes node:crypto's): WebCrypto's is a
 * thread-pool round trip per call, and next-auth re-seals the cookie on every session read. It may
 * answer a part already as base64url (RFC 4648 §5, no padding): node's Buffer encodes natively,
 * where our portable table walk cost ~3 us per sign-in.
 */
export type JweContentCipher = (
  enc: NextAuthWire['jwe']['enc'],
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
) => { ciphertext: Uint8Array | string; tag: Uint8Array | string }

const encoder = new TextEncoder()

/**
 * The session JWE (RFC 7516, `alg: dir`) exactly as next-auth's `encode` makes it, so `next-auth/jwt`
 * `decode` (v4) and `@auth/core/jwt` `decode({ salt })` (v5) open it with the app's secret. Keys are
 * derived once per salt with WebCrypto's HKDF (RFC 5869), as `@panva/hkdf` does inside next-auth.
 */
export class SessionJwe {
  readonly #keys = new Map<string, Promise<DerivedKey>>()
  /** The same keys once derived, read without an await (a microtask per seal otherwise). */
  readonly #ready = new Map<string, DerivedKey>()
  /**
   * Tokens this instance sealed or opened, per salt, by their exact string, with their claims:
   * reading one back (every `/session` call carries the token the previous one rolled) skips the
   * decryption. Sound because only this secret's key made them (a token sealed here, or one whose
   * AEAD tag verified once): any other string is decrypted and checked in full. Expiry is still
   * checked on every read against the request's clock, and the caller checks the store session.
   */
  readonly #sealed = new Map<string, BoundedMap<{ claims: SessionTokenClaims; expiresAt: number }>>()
  /**
   * The token sealed last for each payload within its second, by the payload without `jti`: a
   * rolling `/session` read in the same second as the previous seal of the same session (same
   * claims, same `iat` and `exp` to the second) answers that token again instead of sealing anew.
   * Two seals of one payload are equally valid JWEs; only the random IV and `jti` would differ.
   * An entry lives until its second ends.
   */
  readonly #recent = new BoundedMap<{ token: string; expiresAt: number }>(SEALED_MAX)
  /** IVs drawn from one CSPRNG call per 4 KB (a call per seal showed in the sign-in profile). */
  readonly #random = new RandomPool()

  constructor(
    readonly wire: NextAuthWire,
    readonly secret: string,
    /** Seals with this instead of jose (whose WebCrypto calls go through the thread pool). */
    readonly cipher?: JweContentCipher,
  ) {}

  #salt(cookieName: string): string {
    return this.wire.jwe.saltedByCookieName ? cookieName : ''
  }

  #sealedFor(salt: string): BoundedMap<{ claims: SessionTokenClaims; expiresAt: number }> {
    let sealed = this.#sealed.get(salt)
    if (!sealed) this.#sealed.set(salt, (sealed = new BoundedMap(SEALED_MAX)))
    return sealed
  }

  #key(cookieName: string): Promise<DerivedKey> {
    const salt = this.#salt(cookieName)
    let key = this.#keys.get(salt)
    if (!key) {
      key = deriveKey(this.wire, this.secret, salt)
      this.#keys.set(salt, key)
      void key.then((derived) => this.#ready.set(salt, derived), () => undefined)
    }
    return key
  }

  async encode(claims: SessionTokenClaims, cookieName: string, nowMs: number, maxAgeMs: number): Promise<string> {
    const salt = this.#salt(cookieName)
    const iat = Math.floor(nowMs / 1000)
    const exp = iat + Math.round(maxAgeMs / 1000)
    const json = JSON.stringify(claims)
    // The whole payload but `jti` (set below, after these): the claims as given, then iat and exp.
    const payload = `${salt}\u0000${iat}\u0000${exp}\u0000${json}`
    const recent = this.#recent.get(payload, nowMs)
    if (recent !== undefined) return recent.token
    const derived = this.#ready.get(salt) ?? (await this.#key(cookieName))
    const jti = crypto.randomUUID()
    // Not `{ ...claims, iat, exp, jti }`: V8 takes a slow path for a spread followed by new keys
    // (measured ~3 us, the largest single cost of a seal); a copy, then three stores, is ~0.2 us.
    const sealed: SessionTokenClaims = Object.assign({}, claims)
    sealed.iat = iat
    sealed.exp = exp
    sealed.jti = jti
    // The plaintext is `JSON.stringify(sealed)`, made from the claims' JSON: when the three keys are
    // new (not in `claims`) they go last in this order, and the numbers and the UUID need no escaping.
    const fresh = !('iat' in claims) && !('exp' in claims) && !('jti' in claims) && json !== '{}'
    const plaintext = fresh ? `${json.slice(0, -1)},"iat":${iat},"exp":${exp},"jti":"${jti}"}` : JSON.stringify(sealed)
    const token = this.cipher ? sealWith(this.cipher, derived, plaintext, this.#random) : await sealWithJose(derived.key, derived.header, sealed)
    this.#sealedFor(salt).set(token, { claims: sealed, expiresAt: Number.POSITIVE_INFINITY })
    this.#recent.set(payload, { token, expiresAt: (iat + 1) * 1000 })
    return token
  }

  /** The claims, or undefined for anything that is not our live-dated JWE (tampered, other secret, expired). */
  async decode(token: string, cookieName: string, nowMs: number, options: { ignoreExpiry?: boolean } = {}): Promise<SessionTokenClaims | undefined> {
    const salt = this.#salt(cookieName)
    const known = this.#sealed.get(salt)?.get(token, 0)
    if (known !== undefined) {
      // jose's check (RFC 7519 §4.1.4), with the same leeway: expired once `exp` is `tolerance` seconds past.
      const expired = !options.ignoreExpiry && (known.claims.exp ?? 0) <= Math.floor(nowMs / 1000) - CLOCK_TOLERANCE_SECONDS
      return expired ? undefined : { ...known.claims }
    }
    const { key } = await this.#key(cookieName)
    const { jwtDecrypt } = await jose.decrypt()
    try {
      const { payload } = await jwtDecrypt(token, key, {
        // Signing out must work after expiry: then only the decryption (our key) is checked.
        clockTolerance: options.ignoreExpiry ? Number.MAX_SAFE_INTEGER : CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(nowMs),
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: [this.wire.jwe.enc],
      })
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined
      const claims = payload as unknown as SessionTokenClaims
      // Remembered only when the remembered check (exp alone) is the one jose made: a numeric exp, no nbf.
      if (typeof payload.exp === 'number' && payload.nbf === undefined) this.#sealedFor(salt).set(token, { claims: { ...claims }, expiresAt: Number.POSITIVE_INFINITY })
      return claims
    } catch {
      return undefined
    }
  }
}

async function deriveKey(wire: NextAuthWire, secret: string, salt: string): Promise<DerivedKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode(wire.jwe.info(salt)) },
    material,
    wire.jwe.keyBytes * 8,
  )
  const key = new Uint8Array(bits)
  // @auth/core: the thumbprint of the key as an `oct` JWK, hashed with sha<key bits>.
  let kid: string | undefined
  if (wire.jwe.kid) {
    const [{ calculateJwkThumbprint }, { encode }] = await Promise.all([jose.thumbprint(), jose.base64url()])
    kid = await calculateJwkThumbprint({ kty: 'oct', k: encode(key) }, `sha${key.byteLength << 3}` as 'sha512')
  }
  const header: DerivedKey['header'] = kid === undefined ? { alg: 'dir', enc: wire.jwe.enc } : { alg: 'dir', enc: wire.jwe.enc, kid }
  const encodedHeader = base64urlJson(header)
  const sealing = { raw: key, header, encodedHeader, aad: encoder.encode(encodedHeader) }
  // A256GCM: one CryptoKey for every token (jose would import raw bytes again per operation).
  if (wire.jwe.enc === 'A256GCM') return { key: await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']), ...sealing }
  return { key, ...sealing }
}

async function sealWithJose(key: Uint8Array | CryptoKey, header: { alg: string; enc: string; kid?: string }, claims: SessionTokenClaims): Promise<string> {
  const { EncryptJWT } = await jose.encrypt()
  return new EncryptJWT({ ...claims }).setProtectedHeader(header).encrypt(key)
}

/** The compact serialization jose makes (RFC 7516 §7.1), with the encrypted key empty (`dir`). */
function sealWith(cipher: JweContentCipher, key: DerivedKey, plaintext: string, random: RandomPool): string {
  const enc = key.header.enc
  // 96-bit IV for GCM (RFC 7518 §5.3), 128-bit for CBC (§5.2.2.1).
  const iv = random.bytes(enc === 'A256GCM' ? 12 : 16)
  const { ciphertext, tag } = cipher(enc, key.raw, iv, key.aad, encoder.encode(plaintext))
  return `${key.encodedHeader}..${base64url(iv)}.${encoded(ciphertext)}.${encoded(tag)}`
}

const encoded = (part: Uint8Array | string): string => (typeof part === 'string' ? part : base64url(part))

/** SHA-256 as lower-case hex (the CSRF cookie's hash). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** `bytes` random bytes as hex (next-auth's `randomBytes(32).toString("hex")`). */
export function randomHex(bytes: number): string {
  let hex = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(bytes))) hex += byte.toString(16).padStart(2, '0')
  return hex
}
