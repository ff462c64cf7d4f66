import { EvictingMap } from '../../core/bounded-map.js'
import type { AuthRequest, RouteContext } from '../../core/index.js'

/** better-auth's cookie prefix and names (`better-auth.session_token`...; `__Secure-` on https). */
const PREFIX = 'better-auth'
export const SESSION_TOKEN = 'session_token'
const SESSION_DATA = 'session_data'
const DONT_REMEMBER = 'dont_remember'
/** Every cookie this dialect sets, unprefixed (the twoFactor plugin's `two_factor` included). */
export const BETTER_AUTH_COOKIES: readonly string[] = [SESSION_TOKEN, SESSION_DATA, DONT_REMEMBER, 'two_factor']

/** The secret mock-auth signs with when none is given: cookies only have to verify against this mock. */
export const DEFAULT_BETTER_AUTH_SECRET = 'mock-auth-better-auth-development-secret'

const encoder = new TextEncoder()

/** How many signed cookies keep their verified value (as the core's verified-token cache). */
const VERIFIED_MAX = 10_000

/**
 * HMAC-SHA256 (RFC 2104) of `value` keyed with `secret`, as standard base64 with padding: the MAC
 * of a signed cookie, computed synchronously. Injected where one is at hand (the server passes
 * node:crypto's): WebCrypto's `sign` is a thread-pool round trip, the largest cost of a sign-in's
 * own code.
 */
export type CookieMac = (secret: string, value: string) => string

/**
 * Cookie signing as better-call does it (`serializeSignedCookie`): `<value>.<base64 HMAC-SHA256 of
 * value>`, standard base64 with padding, the whole URL-encoded. With a `CookieMac` the MAC is
 * computed with it, else with WebCrypto, the key imported once per dialect instance.
 */
export class CookieSigner {
  readonly #key: Promise<CryptoKey>
  /**
   * Signed cookies this signer made or verified, by their exact string, with their value: every
   * `/get-session` of a browser carries the same cookie, and each WebCrypto verification is a
   * thread-pool round trip. Whether a string verifies depends only on it and the secret, so this
   * changes no answer (a tampered string is another key and is verified in full); whether the
   * session it names is still live is looked up in the store on every request.
   */
  readonly #verified = new EvictingMap<string>(VERIFIED_MAX)

  constructor(
    readonly secret: string,
    readonly mac?: CookieMac,
  ) {
    this.#key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
  }

  async sign(value: string): Promise<string> {
    const mac = this.mac ? this.mac(this.secret, value) : toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', await this.#key, encoder.encode(value))))
    const signed = `${value}.${mac}`
    this.#verified.set(signed, value)
    return signed
  }

  /** The value of a signed cookie, or undefined when the signature does not verify (constant time in WebCrypto). */
  async verify(signed: string): Promise<string | undefined> {
    const known = this.#verified.get(signed)
    if (known !== undefined) return known
    const value = await this.#verifyMac(signed)
    if (value !== undefined) this.#verified.set(signed, value)
    return value
  }

  async #verifyMac(signed: string): Promise<string | undefined> {
    const dot = signed.lastIndexOf('.')
    if (dot <= 0) return undefined
    const value = signed.slice(0, dot)
    const mac = fromBase64(signed.slice(dot + 1))
    if (!mac || mac.length !== 32) return undefined
    // The canonical base64 of the same 32 bytes compared in constant time (what WebCrypto's verify does).
    if (this.mac) return sameText(this.mac(this.secret, value), toBase64(mac)) ? value : undefined
    return (await crypto.subtle.verify('HMAC', await this.#key, mac, encoder.encode(value))) ? value : undefined
  }
}

/** Whether cookies get `Secure` and the `__Secure-` prefix, as better-auth decides from its base URL: the public URL's scheme when set, else the request's. */
export function isSecure(request: AuthRequest, publicUrl: string | undefined): boolean {
  return (publicUrl ?? request.url).startsWith('https:')
}

export function cookieName(name: string, secure: boolean): string {
  return `${secure ? '__Secure-' : ''}${PREFIX}.${name}`
}

/** `Set-Cookie` for the session token; without `maxAgeSeconds` a browser-session cookie (rememberMe: false). */
export function sessionCookie(signed: string, secure: boolean, maxAgeSeconds: number | undefined): string {
  const age = maxAgeSeconds === undefined ? '' : `; Max-Age=${Math.max(0, maxAgeSeconds)}`
  return `${cookieName(SESSION_TOKEN, secure)}=${encodeURIComponent(signed)}${age}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function dontRememberCookie(signed: string, secure: boolean): string {
  return `${cookieName(DONT_REMEMBER, secure)}=${encodeURIComponent(signed)}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** What better-auth's sign-out (and revoke-sessions) send: the three cookies expired, in its order. */
export function clearedCookies(secure: boolean): string[] {
  return [SESSION_TOKEN, SESSION_DATA, DONT_REMEMBER].map((name) => `${cookieName(name, secure)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`)
}

/** The signed session cookie the request carries (either prefix), still URL-decoded by the cookie parser. */
export function presentedSessionCookie(ctx: RouteContext): string | undefined {
  return ctx.cookies[cookieName(SESSION_TOKEN, true)] ?? ctx.cookies[cookieName(SESSION_TOKEN, false)]
}

/** Equal strings, in time independent of where they differ (both are 44-character MACs here). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return undefined
  }
}
