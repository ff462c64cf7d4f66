import { calculateJwkThumbprint } from 'jose/jwk/thumbprint'
import { exportJWK } from 'jose/key/export'
import { generateKeyPair } from 'jose/key/generate/keypair'
import type { JWK } from 'jose'
import { base64url, base64urlJson } from '../core/base64url.js'
import type { ProviderCrypto, Sha256Fn } from './provider-crypto.js'
import type { SignFn } from '../core/index.js'

/**
 * The providers' signing key: RS256, what relying parties assume when metadata says nothing
 * (OIDC Core §3.1.3.7 step 7, openid-client's default). Made on first use, so an engine that never
 * serves a provider never pays the RSA key generation; one per protocol instance, never shared.
 */
export interface ProviderKeys {
  readonly kid: string
  readonly jwks: { keys: JWK[] }
  /** A JWS compact serialization (RFC 7515 §7.1) of `payload` with `{alg: RS256, kid, typ: JWT}`. */
  signJwt(payload: Record<string, unknown>): Promise<string>
}

export const PROVIDER_ALG = 'RS256'

export async function createProviderKeys(rsaSigner?: ProviderCrypto['rsaSigner']): Promise<ProviderKeys> {
  // Extractable only when a platform signer needs the private key material; it is never served.
  const { privateKey, publicKey } = await generateKeyPair(PROVIDER_ALG, { modulusLength: 2048, extractable: rsaSigner !== undefined })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const header = base64urlJson({ alg: PROVIDER_ALG, kid, typ: 'JWT' })
  const encoder = new TextEncoder()
  const sign: SignFn = rsaSigner
    ? rsaSigner(await exportJWK(privateKey))
    : async (data) => new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey as CryptoKey, data))
  return {
    kid,
    jwks: { keys: [{ ...publicJwk, kid, alg: PROVIDER_ALG, use: 'sig' }] },
    async signJwt(payload) {
      const input = `${header}.${base64urlJson(payload)}`
      return `${input}.${base64url(await sign(encoder.encode(input)))}`
    },
  }
}

const encoder = new TextEncoder()

/** `at_hash` (OIDC Core §3.1.3.6): base64url of the left half of SHA-256 over the access token's ASCII. */
export async function atHash(sha256: Sha256Fn, accessToken: string): Promise<string> {
  const digest = await sha256(encoder.encode(accessToken))
  return base64url(digest.subarray(0, digest.length / 2))
}

/** RFC 7636 §4.6: S256 is BASE64URL(SHA256(ASCII(code_verifier))), plain is the verifier itself. */
export async function pkceChallenge(sha256: Sha256Fn, verifier: string, method: 'S256' | 'plain'): Promise<string> {
  if (method === 'plain') return verifier
  return base64url(await sha256(encoder.encode(verifier)))
}
