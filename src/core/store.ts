import type { SeedUsers } from './seed-users.js'
import { seedOf, UserTable } from './user-table.js'
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
  #lastSweep = Number.NEGATIVE_INFINITY
  #scenarioUsers = false

  /** `users`: the engine's `SeedUsers` (shared, never copied), or a plain list (copied once, for tests and snapshots). */
  constructor(users: SeedUsers | readonly StoredUser[] = []) {
    this.users = new UserTable(seedOf(users))
  }

  /** Adds a user to this namespace only. */
  addUser(user: StoredUser): void {
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

  createSession(session: Session): void {
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
    ;(session.rotatedTokens ??= []).push(session.refreshToken)
    session.refreshToken = next
    session.expiresAt = expiresAt
  }

  /** Revokes a session and its whole refresh-token family at once. */
  revokeSession(id: string): boolean {
    return this.sessions.delete(id)
  }

  /** Revokes every session of a user (a password reset signs out everyone who knew the old one). */
  revokeUserSessions(userId: string): number {
    let revoked = 0
    for (const session of this.sessions.values()) {
      if (session.userId === userId && this.sessions.delete(session.id)) revoked++
    }
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

  static fromSnapshot(snapshot: StoreSnapshot): Store {
    const store = new Store(snapshot.users)
    for (const session of snapshot.sessions) store.sessions.set(session.id, session)
    return store
  }
}
