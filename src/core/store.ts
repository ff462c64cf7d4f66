import type { StoredUser } from './users.js'

/** One signed-in session: the family of all refresh tokens rotated from one sign-in (RFC 9700 §4.14.2). */
export interface Session {
  id: string
  userId: string
  createdAt: number
  /** When the newest refresh token of the family expires (and with it the session). */
  expiresAt: number
  /** The family's current refresh token. */
  refreshToken: string
  /**
   * The family's exchanged tokens, kept so reuse is detected and they die with the session;
   * created on the first rotation (most sessions never rotate, and 100k empty arrays weigh 6 MB).
   */
  rotatedTokens?: string[]
}

/** What a refresh token maps to; its expiry is its session's (only the current token can be exchanged). */
export interface RefreshRecord {
  sessionId: string
  /** Set once the token has been exchanged; presenting it again is reuse. */
  rotated: boolean
}

export interface StoreSnapshot {
  users: StoredUser[]
  sessions: Session[]
  refresh: Array<[string, RefreshRecord]>
}

/**
 * Expired entries stay this long before they are collected, so an expired refresh token still
 * answers `refresh_token_expired` (not "unknown") for a day of clock time.
 */
export const EXPIRED_RETENTION_MS = 24 * 3_600_000
const SWEEP_INTERVAL_MS = 60_000

/** All mutable state of one namespace. Plain maps: O(1) per request whatever the session count. */
export class Store {
  readonly users = new Map<string, StoredUser>()
  readonly #logins = new Map<string, string>()
  readonly sessions = new Map<string, Session>()
  readonly refresh = new Map<string, RefreshRecord>()
  #lastSweep = Number.NEGATIVE_INFINITY

  constructor(users: readonly StoredUser[] = []) {
    for (const user of users) this.addUser(user)
  }

  addUser(user: StoredUser): void {
    const copy = structuredClone(user)
    this.users.set(copy.id, copy)
    this.#logins.set(copy.username.toLowerCase(), copy.id)
    if (copy.email) this.#logins.set(copy.email.toLowerCase(), copy.id)
  }

  /** Finds a user by username or email, case-insensitively. */
  findByLogin(login: string): StoredUser | undefined {
    const id = this.#logins.get(login.toLowerCase())
    return id === undefined ? undefined : this.users.get(id)
  }

  hasLogin(login: string): boolean {
    return this.#logins.has(login.toLowerCase())
  }

  createSession(session: Session): void {
    this.sessions.set(session.id, session)
    this.refresh.set(session.refreshToken, { sessionId: session.id, rotated: false })
  }

  /** Marks `old` as used and adds `next` to the same family. */
  rotate(session: Session, old: RefreshRecord, next: string, expiresAt: number): void {
    old.rotated = true
    ;(session.rotatedTokens ??= []).push(session.refreshToken)
    session.refreshToken = next
    session.expiresAt = expiresAt
    this.refresh.set(next, { sessionId: session.id, rotated: false })
  }

  /** Revokes a session and its whole refresh-token family at once. */
  revokeSession(id: string): boolean {
    const session = this.sessions.get(id)
    if (!session) return false
    this.refresh.delete(session.refreshToken)
    for (const token of session.rotatedTokens ?? []) this.refresh.delete(token)
    this.sessions.delete(id)
    return true
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
    return { users: [...this.users.values()], sessions: [...this.sessions.values()], refresh: [...this.refresh] }
  }

  static fromSnapshot(snapshot: StoreSnapshot): Store {
    const store = new Store(snapshot.users)
    for (const session of snapshot.sessions) store.sessions.set(session.id, session)
    for (const [token, record] of snapshot.refresh) store.refresh.set(token, record)
    return store
  }
}
