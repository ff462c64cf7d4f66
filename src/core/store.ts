import type { SeedUsers } from './seed-users.js'
import { seedOf, UserTable } from './user-table.js'
import { MockAuthError } from './errors.js'
import type { StoredUser } from './users.js'

/** One signed-in session: the family of all refresh tokens rotated from one sign-in (RFC 9700 §4.14.2). */
export interface Session {
  id: string
  userId: string
  createdAt: number
  /** When the newest refresh token of the family expires (and with it the session). */
  expiresAt: number
  /** The family's current refresh token: `<session id>.<secret>` (see `findRefresh`). */
  refreshToken: string
  /**
   * The family's exchanged tokens, kept so reuse is detected and they die with the session;
   * created on the first rotation (most sessions never rotate, and 100k empty arrays weigh 6 MB).
   */
  rotatedTokens?: string[]
  /**
   * Set by `expire()`: access tokens of this session issued at or before this clock time answer
   * `token_expired` whatever their `exp`, except those in `accessExempt` (issued after the expiry
   * within the same second, which `iat`'s whole seconds cannot tell apart).
   */
  accessExpiredAt?: number
  accessExempt?: string[]
}

/** A presented refresh token's family, and whether the token was already exchanged (reuse). */
export interface RefreshLookup {
  session: Session
  rotated: boolean
}

/**
 * What one namespace's store may hold. Users added at run time are refused past `maxUsers` (the
 * seed users do not count: the developer's file fixes them, and namespaces share them; sign-up answers 507
 * `limit_exceeded`); a user's sessions past `maxSessionsPerUser` revoke the oldest; a refresh
 * family keeps only its `maxRotatedTokens` most recent exchanged tokens, so reuse of a recent one is
 * still detected while an endless refresh loop cannot grow one session without end.
 */
export interface StoreLimits {
  maxUsers: number
  maxSessionsPerUser: number
  maxRotatedTokens: number
}

export const DEFAULT_STORE_LIMITS: StoreLimits = { maxUsers: 10_000, maxSessionsPerUser: 1_000, maxRotatedTokens: 100 }

export interface StoreSnapshot {
  users: StoredUser[]
  sessions: Session[]
}

/**
 * Expired entries stay this long before they are collected, so an expired refresh token still
 * answers `refresh_token_expired` (not "unknown") for a day of clock time.
 */
export const EXPIRED_RETENTION_MS = 24 * 3_600_000
const SWEEP_INTERVAL_MS = 60_000

/**
 * All mutable state of one namespace. Plain maps: O(1) per request whatever the session count.
 * Users are the engine's shared seed plus this namespace's own changes (`UserTable`), so making a
 * store costs O(1) however many seed users there are.
 */
export class Store {
  readonly users: UserTable
  readonly sessions = new Map<string, Session>()
  /** Each user's session ids, oldest first (a `Set` keeps insertion order), for `maxSessionsPerUser`. */
  readonly #byUser = new Map<string, Set<string>>()
  #lastSweep = Number.NEGATIVE_INFINITY
  #scenarioUsers = false

  /** `users`: the engine's `SeedUsers` (shared, never copied), or a plain list (copied once, for tests and snapshots). */
  constructor(
    users: SeedUsers | readonly StoredUser[] = [],
    readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
  ) {
    this.users = new UserTable(seedOf(users))
  }

  /** True when one more added user would pass `maxUsers` (sign-up checks it before adding). */
  isFull(): boolean {
    return this.users.added >= this.limits.maxUsers
  }

  /** Adds a user to this namespace only; past `maxUsers` it throws (sign-up answers `limit_exceeded` before that). */
  addUser(user: StoredUser): void {
    if (this.isFull()) throw new MockAuthError('ERR_LIMIT_EXCEEDED', maxUsersMessage(this.users.added))
    this.users.add(user)
    if (user.scenario !== undefined) this.#scenarioUsers = true
  }

  /** Removes a user from this namespace and revokes every session of theirs; false if there was no such user. */
  removeUser(id: string): boolean {
    if (!this.users.remove(id)) return false
    for (const session of this.sessions.values()) if (session.userId === id) this.revokeSession(session.id)
    return true
  }

  /**
   * Whether some user may carry a scenario of their own: only then does the engine look a
   * request's user up before answering. Conservative (stays true after such a user is removed).
   */
  get hasUserScenarios(): boolean {
    return this.#scenarioUsers || this.users.seedHasScenarios
  }

  /** Finds a user by username or email, case-insensitively. */
  findByLogin(login: string): StoredUser | undefined {
    return this.users.findByLogin(login)
  }

  /** The user with this email (not a username that happens to look like one), case-insensitively. */
  findByEmail(email: string): StoredUser | undefined {
    const user = this.findByLogin(email)
    return user?.email !== undefined && user.email.toLowerCase() === email.toLowerCase() ? user : undefined
  }

  hasLogin(login: string): boolean {
    return this.users.findByLogin(login) !== undefined
  }

  /** Stores a new session; when its user already has `maxSessionsPerUser`, the oldest is revoked first. */
  createSession(session: Session): void {
    let ids = this.#byUser.get(session.userId)
    if (!ids) this.#byUser.set(session.userId, (ids = new Set()))
    while (ids.size >= this.limits.maxSessionsPerUser) {
      const oldest = ids.values().next()
      if (oldest.done) break
      this.revokeSession(oldest.value)
    }
    ids.add(session.id)
    this.sessions.set(session.id, session)
  }

  /**
   * The family a refresh token belongs to. A token is `<session id>.<secret>` (a "split token":
   * the first part selects, the whole token must match), so no second map from token to session
   * is kept: at 100k sessions that map and its records were about a third of the heap.
   */
  findRefresh(token: string): RefreshLookup | undefined {
    const dot = token.indexOf('.')
    const session = dot > 0 ? this.sessions.get(token.slice(0, dot)) : undefined
    if (!session) return undefined
    if (session.refreshToken === token) return { session, rotated: false }
    if (session.rotatedTokens?.includes(token)) return { session, rotated: true }
    return undefined
  }

  /** Retires the family's current token (presenting it again is reuse) and makes `next` current. */
  rotate(session: Session, next: string, expiresAt: number): void {
    const rotated = (session.rotatedTokens ??= [])
    rotated.push(session.refreshToken)
    // The oldest go first: a token rotated `maxRotatedTokens` exchanges ago is then merely unknown (401).
    if (rotated.length > this.limits.maxRotatedTokens) rotated.splice(0, rotated.length - this.limits.maxRotatedTokens)
    session.refreshToken = next
    session.expiresAt = expiresAt
  }

  /** Revokes a session and its whole refresh-token family at once. */
  revokeSession(id: string): boolean {
    const session = this.sessions.get(id)
    if (!session) return false
    this.sessions.delete(id)
    const ids = this.#byUser.get(session.userId)
    ids?.delete(id)
    if (ids?.size === 0) this.#byUser.delete(session.userId)
    return true
  }

  /** Revokes every session of a user (a password reset signs out everyone who knew the old one). */
  revokeUserSessions(userId: string): number {
    let revoked = 0
    for (const id of [...(this.#byUser.get(userId) ?? [])]) if (this.revokeSession(id)) revoked++
    return revoked
  }

  /** Refresh tokens held, current and exchanged (for state reports and the scale benchmark). */
  refreshTokenCount(): number {
    let count = 0
    for (const session of this.sessions.values()) count += 1 + (session.rotatedTokens?.length ?? 0)
    return count
  }

  /** Collects sessions (and their tokens) expired for longer than the retention; at most once a clock minute unless forced. */
  sweep(now: number, force = false): number {
    if (!force && now - this.#lastSweep < SWEEP_INTERVAL_MS && now >= this.#lastSweep) return 0
    this.#lastSweep = now
    let removed = 0
    for (const session of this.sessions.values()) {
      if (session.expiresAt + EXPIRED_RETENTION_MS <= now) {
        this.revokeSession(session.id)
        removed++
      }
    }
    return removed
  }

  snapshot(): StoreSnapshot {
    return { users: [...this.users.values()], sessions: [...this.sessions.values()] }
  }

  static fromSnapshot(snapshot: StoreSnapshot, limits: StoreLimits = DEFAULT_STORE_LIMITS): Store {
    const store = new Store(snapshot.users.slice(0, limits.maxUsers), limits)
    for (const session of snapshot.sessions) store.createSession(session)
    return store
  }
}

/** The sentence for a full namespace; it names the option to raise. */
export function maxUsersMessage(count: number): string {
  return `This namespace already added ${count} users beyond its seed users, the maxUsers limit (--max-users): raise maxUsers, reset the namespace, or sign up in another namespace.`
}
