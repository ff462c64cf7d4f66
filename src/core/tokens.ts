import type { JWTPayload } from 'jose'
import { base64url } from './base64url.js'
import { EvictingMap } from './bounded-map.js'
import type { KeySet } from './keys.js'
import { ACCESS_TOKEN_TYPE } from './token-type.js'

export interface TokenSettings {
  issuer: string
  audience: string
  /** Leeway in seconds for exp/nbf/iat checks (jose's `clockTolerance`). */
  clockToleranceSeconds: number
}

export interface AccessClaims extends JWTPayload {
  sub: string
  sid: string
  jti: string
  iat: number
  exp: number
}

export interface IssueInput {
  subject: string
  sessionId: string
  claims: Record<string, unknown>
  nowMs: number
  ttlMs: number
}

/**
 * Signs an access token as a JWS compact serialization (RFC 7515 §7.1) with the key set's `sign`.
 * Written here rather than with jose's `SignJWT` so the signer can be swapped for a faster platform
 * one; verification stays with jose's `jwtVerify`, which checks everything a forger could vary.
 *
 * With a `cache`, the claims of the token just signed are recorded under the exact token string,
 * so the first session check after a sign-in is a lookup rather than an ECDSA verification of a
 * token this engine made a moment before (see `recordIssued`).
 */
export async function signAccessToken(
  keys: KeySet,
  settings: TokenSettings,
  input: IssueInput,
  cache?: VerifiedCache,
): Promise<{ token: string; exp: number; jti: string }> {
  const iat = Math.floor(input.nowMs / 1000)
  const exp = iat + Math.round(input.ttlMs / 1000)
  const jti = crypto.randomUUID()
  // User claims first, so registered claims (RFC 7519 §4.1) always win over a user's `claims`.
  const payload = copyClaims(input.claims)
  payload.sid = input.sessionId
  payload.iss = settings.issuer
  payload.aud = settings.audience
  payload.sub = input.subject
  payload.jti = jti
  payload.iat = iat
  payload.exp = exp
  const json = JSON.stringify(payload)
  const signingInput = `${keys.header}.${base64url(encoder.encode(json))}`
  const signature = await keys.sign(encoder.encode(signingInput))
  const token = `${signingInput}.${base64url(signature)}`
  if (cache) await recordIssued(cache, keys, settings, token, json)
  return { token, exp, jti }
}

/**
 * Records a token this engine just signed as verified. Sound because the cache is keyed by the
 * whole token string: only this exact string, which we signed, hits; any altered or forged token
 * is another key and goes through `jwtVerify`. The claims recorded are `JSON.parse` of the very
 * payload that was signed, which is what verifying the token would return, and they pass the same
 * claim checks (`acceptClaims`). The signer itself is trusted only once a token it made has
 * verified with the key set's verification key: the first token of each key set is verified for
 * real, so an injected signer that signs wrongly never gets its tokens cached unverified.
 * Revocation is unaffected: `authenticate` looks the session up on every request.
 */
async function recordIssued(cache: VerifiedCache, keys: KeySet, settings: TokenSettings, token: string, json: string): Promise<void> {
  if (cache.trustedSigner !== keys) {
    const verified = await verifySignature(keys, settings, token)
    if (verified.ok) {
      cache.trustedSigner = keys
      cache.set(token, verified.claims)
    }
    return
  }
  const claims = acceptClaims(JSON.parse(json) as JWTPayload)
  if (claims.ok) cache.set(token, claims.claims)
}

const encoder = new TextEncoder()

/**
 * A copy of `claims` made key by key. `{ ...claims, sid, ... }` took V8's slow object-clone path
 * for the freshly built claims object, about 9 us of every sign-in (bench/README.md); this takes
 * about 1 us. A `__proto__` claim stays an own property, as the spread kept it, instead of
 * replacing the copy's prototype.
 */
function copyClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(claims)) {
    if (key === '__proto__') Object.defineProperty(copy, key, { value: claims[key], enumerable: true, writable: true, configurable: true })
    else copy[key] = claims[key]
  }
  return copy
}

export type VerifyOutcome =
  | { ok: true; claims: AccessClaims }
  | { ok: false; code: 'token_expired' | 'invalid_token'; description: string }

/**
 * Verifies an access token: the signature first (algorithm pinned to the key set's, so `alg: none`
 * and HS256-with-the-public-key are refused, RFC 8725 §3.1), then the claims against the injected
 * clock. Embedded `jwk`/`jku`/`x5u` headers are never followed: the key is ours, not the token's.
 */
export async function verifyAccessToken(keys: KeySet, settings: TokenSettings, token: string, nowMs: number, cache?: VerifiedCache): Promise<VerifyOutcome> {
  const verified = await verifiedClaims(keys, settings, token, cache)
  if (!verified.ok) return verified
  return checkTimes(verified.claims, nowMs, settings.clockToleranceSeconds)
}

/** The claims of a genuinely signed token of ours, whatever its times (sign-out accepts expired tokens). */
export async function verifiedClaims(keys: KeySet, settings: TokenSettings, token: string, cache?: VerifiedCache): Promise<{ ok: true; claims: AccessClaims } | Invalid> {
  const cached = cache?.get(token)
  if (cached) return { ok: true, claims: cached }
  const verified = await verifySignature(keys, settings, token)
  if (verified.ok) cache?.set(token, verified.claims)
  return verified
}

/**
 * The largest NumericDate (RFC 7519 §2) a `Date` can hold: ±8.64e15 ms (ECMA-262 §21.4.1.1). A
 * signed token with `exp: 1e308` is genuine but meaningless; it is refused as invalid instead of
 * making `toISOString()` throw a RangeError later.
 */
const MAX_DATE_SECONDS = 8.64e12

type Invalid = { ok: false; code: 'invalid_token'; description: string }

async function verifySignature(keys: KeySet, settings: TokenSettings, token: string): Promise<{ ok: true; claims: AccessClaims } | Invalid> {
  try {
    // Time claims are checked by `checkTimes` against our clock, so a verified token can be cached
    // and re-checked cheaply on every request; jose still validates their types here.
    // Loaded on first use: most test files only ever check tokens this engine signed (`recordIssued`).
    const { jwtVerify } = await import('jose/jwt/verify')
    const { payload, protectedHeader } = await jwtVerify(token, keys.verificationKey, {
      algorithms: [keys.alg],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp'],
      currentDate: new Date(0),
      clockTolerance: Number.MAX_SAFE_INTEGER,
    })
    if (protectedHeader.kid !== keys.kid) return invalid('The token was signed with an unknown key.')
    return acceptClaims(payload)
  } catch (error) {
    return invalid(describe(error, await import('jose/errors')))
  }
}

/**
 * The claim checks after jose's, shared by verification and by `recordIssued`, so a token this
 * engine signed is cached only if verifying it would have accepted it. jose has already checked
 * iss, aud and the presence of the required claims on the verification path; `recordIssued`'s
 * payload carries them by construction, so the types are what is left to check on both.
 */
function acceptClaims(payload: JWTPayload): { ok: true; claims: AccessClaims } | Invalid {
  if (typeof payload.sid !== 'string') return invalid('The token has no session id.')
  if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return invalid('The token is malformed.')
  if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number') return invalid('The token is malformed.')
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const value = payload[claim]
    if (value !== undefined && !(Math.abs(value) <= MAX_DATE_SECONDS)) return invalid(`The token claim "${claim}" is outside the range of a date.`)
  }
  return { ok: true, claims: payload as AccessClaims }
}

function checkTimes(claims: AccessClaims, nowMs: number, tolerance: number): VerifyOutcome {
  const now = Math.floor(nowMs / 1000)
  // RFC 7519 §4.1.4: expired when the current time is on or after `exp`.
  if (now - tolerance >= claims.exp) return { ok: false, code: 'token_expired', description: 'The access token has expired.' }
  if (typeof claims.nbf === 'number' && now + tolerance < claims.nbf) return invalid('The access token is not valid yet (nbf).')
  if (now + tolerance < claims.iat) return invalid('The access token was issued in the future (iat).')
  return { ok: true, claims }
}

function describe(error: unknown, errors: typeof import('jose/errors')): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.'
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token algorithm is not allowed.'
  if (error instanceof errors.JWTClaimValidationFailed) return `The token claim "${error.claim}" is invalid.`
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed.'
  return 'The token could not be verified.'
}

function invalid(description: string): Invalid {
  return { ok: false, code: 'invalid_token', description }
}

/**
 * Remembers tokens whose signature has been verified, so checking a session costs a map lookup
 * instead of an ECDSA verification. Keyed by the whole token string: a tampered token is another
 * key. Holds both tokens verified on a request and tokens this engine signed (`recordIssued`).
 * Bounded; the oldest entry goes first, and an evicted token is simply verified again.
 */
export class VerifiedCache {
  readonly #entries: EvictingMap<AccessClaims>
  /** The key set whose signer has made a token that verified (see `recordIssued`). */
  trustedSigner: KeySet | undefined
  constructor(readonly limit = 10_000) {
    this.#entries = new EvictingMap(limit)
  }

  get(token: string): AccessClaims | undefined {
    return this.#entries.get(token)
  }

  set(token: string, claims: AccessClaims): void {
    this.#entries.set(token, claims)
  }

  clear(): void {
    this.#entries.clear()
  }
}
