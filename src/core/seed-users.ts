import type { StoredUser } from './users.js'

/**
 * An engine's seed users, indexed once and shared read-only by every namespace's store. Each store
 * keeps only what its namespace changed on top (copy-on-write, see `Store`), so a new namespace or
 * a reset costs the same with 2 seed users as with 100,000: before, each deep-copied the list
 * (0.6-1.8 s and ~38 MB per namespace at 100k users, bench/README.md).
 *
 * The users are deep-frozen: code that changed one in place would change it for every namespace,
 * so such a write throws a TypeError (ES modules are strict) instead of leaking silently.
 */
export class SeedUsers {
  readonly #byId = new Map<string, StoredUser>()
  readonly #logins = new Map<string, string>()
  /** Whether any seed user has a scenario of their own (then requests are matched to users first). */
  readonly hasScenarios: boolean

  /** `users` must be distinct, validated users (`normalizeUsers` output); they are frozen, not copied. */
  constructor(users: readonly StoredUser[]) {
    for (const user of users) {
      deepFreeze(user)
      this.#byId.set(user.id, user)
      this.#logins.set(user.username.toLowerCase(), user.id)
      if (user.email) this.#logins.set(user.email.toLowerCase(), user.id)
    }
    this.hasScenarios = users.some((user) => user.scenario !== undefined)
  }

  get size(): number {
    return this.#byId.size
  }

  get(id: string): StoredUser | undefined {
    return this.#byId.get(id)
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  /** The id a lower-cased username or email belongs to. */
  idForLogin(login: string): string | undefined {
    return this.#logins.get(login)
  }

  values(): IterableIterator<StoredUser> {
    return this.#byId.values()
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
}
