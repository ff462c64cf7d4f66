import { MockAuthError } from './errors.js'

/**
 * One answered request, as tests and the dashboard read it. `operation` is the name scenarios use
 * (`signIn`, `refresh`, ...) or null when the request reached no operation (an unknown path, a
 * method the path does not allow).
 */
export interface JournalEntry {
  /** 1, 2, 3... per namespace, never reused while the namespace lives (a reset does not restart it). */
  seq: number
  /** ISO 8601 time on the namespace's clock (the engine's, so `clock.advance` shows here). */
  at: string
  method: string
  path: string
  operation: string | null
  /** 0 when the connection was dropped (a `network-error` answer). */
  status: number
  /** The error code answered (`token_expired`, ...), `'network-error'` for a dropped connection, or null. */
  error: string | null
  scenario: string | null
  /** The id of the user the request acted for, or null. */
  user: string | null
  /** Time the engine took to answer, plus any delay a scenario asked the transport for. */
  durationMs: number
}

/** Called with each new entry and the namespace it was recorded in. */
export type JournalListener = (entry: JournalEntry, namespace: string) => void

export const DEFAULT_JOURNAL_SIZE = 1000

/** Checks a `journalSize` option: a whole number, 0 (keep nothing) or more. */
export function journalSizeOf(value: number | undefined): number {
  const size = value ?? DEFAULT_JOURNAL_SIZE
  if (!Number.isInteger(size) || size < 0 || size > 1_000_000) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `journalSize must be a whole number from 0 to 1000000 (got ${String(value)}); the default is ${DEFAULT_JOURNAL_SIZE}.`)
  }
  return size
}

/**
 * A namespace's request journal: the newest `size` entries in a ring buffer (a test that makes
 * a million requests keeps a thousand), with listeners for live consumers such as a dashboard's
 * event stream. Listeners belong to the instance, never to the module.
 */
export class Journal {
  readonly #ring: Array<JournalEntry | undefined>
  #start = 0
  #count = 0
  #seq = 0
  readonly #listeners = new Set<JournalListener>()

  constructor(
    readonly namespace: string,
    readonly size: number,
    /** The engine's own fan-out, told of every entry after this journal's listeners. */
    readonly forward?: JournalListener,
  ) {
    this.#ring = new Array<JournalEntry | undefined>(size)
  }

  /** The seq of the newest entry ever recorded here (0 before the first). */
  get lastSeq(): number {
    return this.#seq
  }

  get length(): number {
    return this.#count
  }

  /** Stores an entry (dropping the oldest when full), numbers it and tells the listeners. */
  record(fields: Omit<JournalEntry, 'seq'>): JournalEntry {
    const entry: JournalEntry = { seq: ++this.#seq, ...fields }
    if (this.size > 0) {
      if (this.#count < this.size) {
        this.#ring[(this.#start + this.#count) % this.size] = entry
        this.#count++
      } else {
        this.#ring[this.#start] = entry
        this.#start = (this.#start + 1) % this.size
      }
    }
    for (const listener of this.#listeners) notify(listener, entry, this.namespace, () => this.#listeners.delete(listener))
    if (this.forward) this.forward({ ...entry }, this.namespace)
    return entry
  }

  /** The kept entries, oldest first; with `since`, only those with a greater seq. */
  entries(since = 0): JournalEntry[] {
    const out: JournalEntry[] = []
    for (let i = 0; i < this.#count; i++) {
      const entry = this.#ring[(this.#start + i) % this.size] as JournalEntry
      if (entry.seq > since) out.push({ ...entry })
    }
    return out
  }

  /** Forgets every entry; seq numbers go on from where they were, so a poller's `since` stays valid. */
  clear(): void {
    this.#ring.fill(undefined)
    this.#start = 0
    this.#count = 0
  }

  /** Calls `listener` with every new entry until the returned function is called. */
  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }
}

/**
 * A listener is a consumer (a log, an event stream): one that throws must not turn an answered
 * request into a failure, so it is dropped (when it can be) and the request goes on.
 */
function notify(listener: JournalListener, entry: JournalEntry, namespace: string, drop?: () => void): void {
  try {
    listener({ ...entry }, namespace)
  } catch {
    drop?.()
  }
}

/** An engine's listeners of all its namespaces' journals; `forward` is what each journal calls. */
export class JournalHub {
  readonly #listeners = new Set<JournalListener>()

  readonly forward: JournalListener = (entry, namespace) => {
    for (const listener of this.#listeners) notify(listener, entry, namespace, () => this.#listeners.delete(listener))
  }

  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }
}
