/** mulberry32: a tiny seeded PRNG, so a failing fuzz case is replayed from its seed alone. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Choice helpers over one PRNG. */
export class Rand {
  readonly next: () => number
  constructor(readonly seed: number) {
    this.next = mulberry32(seed)
  }

  int(max: number): number {
    return Math.floor(this.next() * max)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)] as T
  }

  /** Random printable ASCII of the given length (safe in a header or URL after encoding). */
  ascii(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += String.fromCharCode(33 + this.int(94))
    return out
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length)
    for (let i = 0; i < length; i++) out[i] = this.int(256)
    return out
  }
}

/** The seed for this run: FUZZ_SEED when given (to replay a failure), else a fresh one. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED
  if (given !== undefined && given !== '') return Number(given) >>> 0
  return (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0
}
