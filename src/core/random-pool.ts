/**
 * Random bytes drawn from one `crypto.getRandomValues` call per 4 KB instead of one per token:
 * each call is a trip to the platform's CSPRNG, which showed up in the sign-in profile. The bytes
 * are still CSPRNG output and never reused. Owned per engine, never module-level.
 */
export class RandomPool {
  readonly #buffer = new Uint8Array(4096)
  #offset = this.#buffer.length

  bytes(length: number): Uint8Array {
    if (length > this.#buffer.length) return crypto.getRandomValues(new Uint8Array(length))
    if (this.#offset + length > this.#buffer.length) {
      crypto.getRandomValues(this.#buffer)
      this.#offset = 0
    }
    const out = this.#buffer.slice(this.#offset, this.#offset + length)
    this.#offset += length
    return out
  }
}
