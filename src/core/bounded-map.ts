/**
 * A map of expiring entries with a size bound: setting one more than `max` forgets the oldest
 * (a `Map` iterates in insertion order), and an expired entry reads as absent. A client minting
 * codes or tokens without end therefore holds memory flat instead of growing it.
 */
export class BoundedMap<V extends { expiresAt: number }> {
  readonly #entries = new Map<string, V>()

  constructor(readonly max: number) {}

  get size(): number {
    return this.#entries.size
  }

  get(key: string, now: number): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    if (value.expiresAt <= now) {
      this.#entries.delete(key)
      return undefined
    }
    return value
  }

  set(key: string, value: V): void {
    if (this.#entries.has(key)) this.#entries.delete(key)
    else if (this.#entries.size >= this.max) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(key, value)
  }

  delete(key: string): boolean {
    return this.#entries.delete(key)
  }

  /** Deletes every entry the predicate selects; O(n), only for rare events (a revoked family). */
  deleteWhere(select: (value: V) => boolean): number {
    let removed = 0
    for (const [key, value] of this.#entries) {
      if (select(value)) {
        this.#entries.delete(key)
        removed++
      }
    }
    return removed
  }
}
