import { BoundedMap } from '../../core/index.js'
import { sha256Hex } from './jwe.js'

/** How many CSRF tokens keep their hash: one per browser of a test run is plenty. */
const REMEMBERED = 1_000

/**
 * next-auth's CSRF cookie hash, `sha256(token + secret)` as hex, remembered per token: every
 * request of a browser carries the same cookie, and WebCrypto's digest is a thread-pool round
 * trip. The hash depends only on the token and this dialect's secret, so remembering it changes
 * no answer; the bound keeps a client sending new tokens without end from growing memory.
 */
export class CsrfHasher {
  readonly #hashes = new BoundedMap<{ hash: string; expiresAt: number }>(REMEMBERED)

  constructor(readonly secret: string) {}

  /** The hash when it is remembered, without a promise (the common case: a browser's one cookie). */
  known(token: string): string | undefined {
    return this.#hashes.get(token, 0)?.hash
  }

  async hash(token: string): Promise<string> {
    const known = this.#hashes.get(token, 0)
    if (known !== undefined) return known.hash
    const hash = await sha256Hex(`${token}${this.secret}`)
    this.#hashes.set(token, { hash, expiresAt: Number.POSITIVE_INFINITY })
    return hash
  }
}
