import { calculateJwkThumbprint } from 'jose/jwk/thumbprint'
import { exportJWK } from 'jose/key/export'
import { generateKeyPair } from 'jose/key/generate/keypair'
import type { JWK } from 'jose'
import { base64url, base64urlJson } from '../core/base64url.js'

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

export async function createProviderKeys(): Promise<ProviderKeys> {
  const { privateKey, publicKey } = await generateKeyPair(PROVIDER_ALG, { modulusLength: 2048 })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const header = base64urlJson({ alg: PROVIDER_ALG, kid, typ: 'JWT' })
  const encoder = new TextEncoder()
  return {
    kid,
    jwks: { keys: [{ ...publicJwk, kid, alg: PROVIDER_ALG, use: 'sig' }] },
    async signJwt(payload) {
      const input = `${header}.${base64urlJson(payload)}`
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey as CryptoKey, encoder.encode(input))
      return `${input}.${base64url(new Uint8Array(signature))}`
    },
  }
}

/** `at_hash` (OIDC Core §3.1.3.6): base64url of the left half of SHA-256 over the access token's ASCII. */
export async function atHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)))
  return base64url(digest.slice(0, digest.length / 2))
}

/** RFC 7636 §4.6: S256 is BASE64URL(SHA256(ASCII(code_verifier))), plain is the verifier itself. */
export async function pkceChallenge(verifier: string, method: 'S256' | 'plain'): Promise<string> {
  if (method === 'plain') return verifier
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))
}
