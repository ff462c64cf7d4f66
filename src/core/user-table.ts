import { SeedUsers } from './seed-users.js'
import type { StoredUser } from './users.js'

/** What a user change may set: anything but the id, which sessions and tokens (`sub`) refer to. */
export type UserChange = Partial<Omit<StoredUser, 'id'>>

/**
 * One namespace's users: the engine's shared, frozen seed users plus this namespace's own changes
 * (users it added, its private copies of seed users it changed, seed users it removed). Reads look
 * at the namespace's own entries first; the seed is never written, so nothing one namespace does
 * shows in another, and a reset (a new table over the same seed) forgets it all in O(1).
 *
 * The login index works the same way. Instead of un-indexing a seed user's old username when a
 * namespace renames or removes that user, every login lookup checks that the user found still has
 * that login: a stale entry can never answer.
 */
export class UserTable {
  readonly #seed: SeedUsers
  /** Users added here, and copies of seed users changed here (same id, shadowing the seed's). */
  readonly #own = new Map<string, StoredUser>()
  readonly #ownLogins = new Map<string, string>()
  /** Seed users removed in this namespace; made on the first removal. */
  #removed: Set<string> | undefined
  /** How many of `#own` are not seed users (so `size` needs no walk). */
  #added = 0

  constructor(seed: SeedUsers) {
    this.#seed = seed
  }

  /** Whether a seed user has a scenario of their own. */
  get seedHasScenarios(): boolean {
    return this.#seed.hasScenarios
  }

  /** Users this namespace added beyond the seed (what `maxUsers` bounds). */
  get added(): number {
    return this.#added
  }

  get size(): number {
    return this.#seed.size - (this.#removed?.size ?? 0) + this.#added
  }

  get(id: string): StoredUser | undefined {
    const own = this.#own.get(id)
    if (own !== undefined) return own
    if (this.#removed?.has(id)) return undefined
    return this.#seed.get(id)
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  /** Seed users first (in seed order, each as this namespace sees it), then the users added here. */
  *values(): IterableIterator<StoredUser> {
    for (const seedUser of this.#seed.values()) {
      const user = this.get(seedUser.id)
      if (user !== undefined) yield user
    }
    for (const [id, user] of this.#own) if (!this.#seed.has(id)) yield user
  }

  *keys(): IterableIterator<string> {
    for (const user of this.values()) yield user.id
  }

  /** Finds a user by username or email, case-insensitively. */
  findByLogin(login: string): StoredUser | undefined {
    const key = login.toLowerCase()
    const id = this.#ownLogins.get(key) ?? this.#seed.idForLogin(key)
    const user = id === undefined ? undefined : this.get(id)
    if (user === undefined) return undefined
    return user.username.toLowerCase() === key || user.email?.toLowerCase() === key ? user : undefined
  }

  /** Adds (or replaces) a user in this namespace only; the table keeps its own copy. */
  add(user: StoredUser): void {
    const copy = structuredClone(user)
    if (!this.#own.has(copy.id) && !this.#seed.has(copy.id)) this.#added++
    this.#own.set(copy.id, copy)
    this.#removed?.delete(copy.id)
    this.#index(copy)
  }

  /**
   * Changes a user in this namespace only: a seed user is copied on its first change (the copy is
   * this namespace's from then on). Returns the changed user, or undefined for an unknown id.
   */
  update(id: string, change: UserChange): StoredUser | undefined {
    const current = this.get(id)
    if (current === undefined) return undefined
    const user = this.#own.get(id) ?? structuredClone(current)
    Object.assign(user, structuredClone(change), { id })
    this.#own.set(id, user)
    this.#index(user)
    return user
  }

  /** Removes a user from this namespace only; false if there was none. */
  remove(id: string): boolean {
    if (this.get(id) === undefined) return false
    this.#own.delete(id)
    if (this.#seed.has(id)) (this.#removed ??= new Set()).add(id)
    else this.#added--
    return true
  }

  #index(user: StoredUser): void {
    this.#ownLogins.set(user.username.toLowerCase(), user.id)
    if (user.email) this.#ownLogins.set(user.email.toLowerCase(), user.id)
  }
}

/** A seed of plain users, for a store made from a list (tests, a restored browser snapshot). */
export function seedOf(users: SeedUsers | readonly StoredUser[]): SeedUsers {
  return users instanceof SeedUsers ? users : new SeedUsers(users.map((user) => structuredClone(user)))
}
