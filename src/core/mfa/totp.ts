import { base32Decode } from '../base32.js'

/** HMAC hashes RFC 6238 §1.2 allows; authenticator apps use SHA-1 (the Key Uri Format default). */
export type TotpAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-512'

export interface TotpOptions {
  /** Time step X in seconds (RFC 6238 §4.1, default 30). */
  step?: number
  /** Code length (RFC 4226 §5.3, default 6). */
  digits?: number
  algorithm?: TotpAlgorithm
}

/** Steps either side of now that still verify (RFC 6238 §5.2 recommends at most one). */
export const TOTP_WINDOW = 1

/**
 * HOTP (RFC 4226 §5.3): HMAC(key, 8-byte big-endian counter), dynamic truncation, modulo 10^digits.
 * WebCrypto only, so it runs in the core on every platform.
 */
export async function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: TotpAlgorithm = 'SHA-1'): Promise<string> {
  const message = new Uint8Array(8)
  // The counter can exceed 2^32 (RFC 6238 Appendix B uses T = 0x27BC86AA for the year 2603).
  new DataView(message.buffer).setBigUint64(0, BigInt(counter))
  const hmacKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: algorithm }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message))
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** TOTP (RFC 6238 §4.2): HOTP with T = floor((now - T0) / X), T0 = 0. */
export function totp(key: Uint8Array, nowMs: number, options: TotpOptions = {}): Promise<string> {
  const step = options.step ?? 30
  return hotp(key, Math.floor(nowMs / 1000 / step), options.digits ?? 6, options.algorithm ?? 'SHA-1')
}

/**
 * The code for a base32 secret at `at` (what an authenticator app shows then); for tests and the
 * dashboard. `at` is epoch milliseconds or a Date, and defaults to the real time, as jose's
 * `currentDate` does: a test that has moved the mock's clock passes `mockAuth.clock.now()`, since
 * the engine checks codes against its own clock.
 */
export async function totpCode(secret: string, at: number | Date = Date.now(), options: TotpOptions = {}): Promise<string> {
  const key = base32Decode(secret)
  if (!key || key.length === 0) throw new TypeError(`"${secret}" is not a base32 TOTP secret (RFC 4648 §6: letters A-Z and digits 2-7).`)
  const nowMs = typeof at === 'number' ? at : at instanceof Date ? at.getTime() : Number.NaN
  if (!Number.isFinite(nowMs)) throw new TypeError(`totpCode(secret, at): at must be epoch milliseconds or a valid Date (got ${String(at)}); pass mockAuth.clock.now() for the mock's clock.`)
  return totp(key, nowMs, options)
}

/**
 * Checks a code against the steps within `window` of now (RFC 6238 §5.2: one step back covers a
 * code typed just before the step changed, one forward a clock slightly ahead). Every step is
 * computed and compared whole, so timing does not tell which step or digit matched.
 */
export async function verifyTotp(secret: string, code: string, nowMs: number, options: TotpOptions & { window?: number } = {}): Promise<boolean> {
  const key = base32Decode(secret)
  const digits = options.digits ?? 6
  if (!key || key.length === 0 || code.length !== digits || !/^\d+$/.test(code)) return false
  const step = options.step ?? 30
  const window = options.window ?? TOTP_WINDOW
  const counter = Math.floor(nowMs / 1000 / step)
  let match = false
  for (let delta = -window; delta <= window; delta++) {
    if (counter + delta < 0) continue
    const expected = await hotp(key, counter + delta, digits, options.algorithm ?? 'SHA-1')
    match = sameDigits(expected, code) || match
  }
  return match
}

function sameDigits(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
