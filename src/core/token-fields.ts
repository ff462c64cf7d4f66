/**
 * Sign-up fields that travel in the access token (`username`, `email`, `name`), and with it in
 * the `session` cookie. A browser drops a cookie over 4,096 bytes (RFC 6265 §6.1 is the minimum
 * every browser keeps, and the most some do), silently: the user would look signed in to the
 * server and out to the app. So each field is bounded by its encoded size, the bytes it adds to
 * the token's JSON (UTF-8, escapes included), not by its length in characters: 256 bytes each
 * keeps the cookie near 2.8 KB at worst (base64url adds a third), with room for the
 * registered claims.
 */
export const MAX_TOKEN_FIELD_BYTES = 256

/** Controls (C0, DEL, C1): invisible, escaped six bytes each in JSON, and never part of a real name. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const encoder = new TextEncoder()

/** Why `value` cannot be a token field, as a sentence naming the field; undefined when it can. */
export function tokenFieldProblem(field: string, value: string): string | undefined {
  const control = CONTROL.exec(value)
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    return `"${field}" contains a control character (${code}); send it without control characters.`
  }
  const bytes = encoder.encode(JSON.stringify(value)).byteLength - 2
  if (bytes > MAX_TOKEN_FIELD_BYTES) {
    return `"${field}" is too long: ${bytes} bytes once encoded (UTF-8, as it travels in the session cookie), at most ${MAX_TOKEN_FIELD_BYTES}.`
  }
  return undefined
}
