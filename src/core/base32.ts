/**
 * base32 (RFC 4648 §6), the alphabet authenticator apps use for TOTP secrets ("otpauth://" URIs,
 * Key Uri Format). Decoding is lenient where apps are: lower case, spaces and `=` padding are
 * accepted; any other character is refused so a mistyped secret fails loudly, not silently.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** The bytes of a base32 string, or undefined when it holds a character outside the alphabet. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]+/g, '').toUpperCase()
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8))
  let bits = 0
  let value = 0
  let o = 0
  for (const char of clean) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) return undefined
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >>> bits) & 0xff
    }
  }
  return out
}

export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += ALPHABET[(value >>> bits) & 31]
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}
