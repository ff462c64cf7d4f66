/**
 * base64url without padding (RFC 4648 §5), as JWS compact serialization needs (RFC 7515 §2).
 * A table walk over bytes: no `btoa` string round trip, no Buffer, so it runs everywhere.
 */
const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
const ascii = new TextDecoder('latin1')

/**
 * Encodes into a byte buffer and decodes that once: the result is one flat string. Appending four
 * characters at a time would build a rope of small string pieces, and refresh tokens are kept in
 * the store for their whole life, so every piece would stay in memory with them.
 */
export function base64url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3))
  let o = 0
  const full = bytes.length - (bytes.length % 3)
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out[o++] = ALPHABET[n >> 18]!
    out[o++] = ALPHABET[(n >> 12) & 63]!
    out[o++] = ALPHABET[(n >> 6) & 63]!
    out[o++] = ALPHABET[n & 63]!
  }
  const rest = bytes.length - full
  if (rest > 0) {
    const n = (bytes[full]! << 16) | (rest === 2 ? bytes[full + 1]! << 8 : 0)
    out[o++] = ALPHABET[n >> 18]!
    out[o++] = ALPHABET[(n >> 12) & 63]!
    if (rest === 2) out[o++] = ALPHABET[(n >> 6) & 63]!
  }
  return ascii.decode(out.subarray(0, o))
}

const encoder = new TextEncoder()

export function base64urlJson(value: unknown): string {
  return base64url(encoder.encode(JSON.stringify(value)))
}
