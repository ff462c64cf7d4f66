import { base64url, decodeJwt, decodeProtectedHeader, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'

/** Tools an attacker has: the token's own parts, base64url, and any key of their own. */
export function parts(token: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = token.split('.')
  return [header, payload, signature]
}

export function encodePart(value: unknown): string {
  return base64url.encode(JSON.stringify(value))
}

/** A compact JWS from raw header and payload objects plus whatever signature text we like. */
export function compact(header: unknown, payload: unknown, signature = ''): string {
  return `${encodePart(header)}.${encodePart(payload)}.${signature}`
}

export function headerOf(token: string): JWTHeaderParameters {
  return decodeProtectedHeader(token) as JWTHeaderParameters
}

export function claimsOf(token: string): JWTPayload {
  return decodeJwt(token)
}

/** Signs `payload` with any header and key: jose's SignJWT without its header sanity defaults. */
export function sign(header: JWTHeaderParameters, payload: JWTPayload, key: CryptoKey | Uint8Array): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(key)
}
