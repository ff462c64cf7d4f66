import { createClock, type Clock } from './clock.js'
import type { EngineConfig } from './config.js'
import { AccountState } from './mail/account-state.js'
import { MockAuthError, unknownScenarioError } from './errors.js'
import { FailNextQueue, type FailNextOptions, type PendingFailure } from './fail-next.js'
import { Journal, type JournalListener } from './journal.js'
import { ROUTE_NAMES, type Scenario } from './scenario.js'
import { Store } from './store.js'
import { normalizeUser, publicUser, type PublicUser, type StoredUser, type UserInput } from './users.js'

export interface StateSummary {
  namespace: string
  scenario: string
  now: string
  /** How many users and live sessions the namespace holds, whatever the page shows. */
  totals: { users: number; sessions: number }
  /** The page: users and sessions each from `offset`, at most `limit` of each. */
  offset: number
  limit: number
  /** The `offset` of the next page, or null when this page reaches the end of both lists. */
  nextOffset: number | null
  /** Each user as the API shows it, plus `scenario` for a user who has their own. */
  users: PublicUser[]
  sessions: Array<{ id: string; userId: string; createdAt: string; expiresAt: string; refreshTokens: number }>
  /** Failures queued by `failNext`, in the order they will be used. */
  failNext: PendingFailure[]
}

/** Which slice of the users and sessions `summary` shows (defaults: offset 0, limit 100). */
export interface StatePage {
  offset?: number
  limit?: number
}

export const DEFAULT_STATE_LIMIT = 100
/** The largest page: a state answer stays a few hundred KB at most. */
export const MAX_STATE_LIMIT = 1000

/**
 * Everything one namespace owns: users, sessions, refresh families, clock, scenario, journal and
 * queued failures. Nothing is module-level, so two engines (or two namespaces) never share a byte
 * of state.
 */
export class NamespaceState {
  store: Store
  /** Mailbox, mailed tokens, MFA challenges, verified emails. */
  account = new AccountState()
  readonly clock: Clock
  readonly journal: Journal
  readonly failures = new FailNextQueue()
  #scenario: Scenario
  /** Calls per operation under a scenario with `on` rules, keyed by who set the scenario (see `callNumber`). */
  readonly #calls = new Map<string, number>()
  /** State an injected protocol keeps per namespace (a provider's codes and tokens), by the protocol's key. */
  readonly #protocols = new Map<string, unknown>()

  constructor(
    readonly name: string,
    readonly config: EngineConfig,
    forward?: JournalListener,
  ) {
    this.store = new Store(config.seedUsers, config.storeLimits)
    this.clock = createClock(config.clock)
    this.#scenario = config.initialScenario
    this.journal = new Journal(name, config.journalSize, forward)
  }

  get scenario(): Scenario {
    return this.#scenario
  }

  /** The operation names this namespace's engine knows (what `failNext` and matchers accept). */
  get operations(): readonly string[] {
    return ROUTE_NAMES
  }

  /** Switches scenario; throws ERR_UNKNOWN_SCENARIO listing the known ones. Its `on` counts start again. */
  use(name: string): Scenario {
    const scenario = this.config.scenarios.get(name)
    if (!scenario) throw unknownScenarioError(name, this.config.scenarios.keys())
    this.#scenario = scenario
    this.#forgetCalls('namespace')
    return scenario
  }

  /**
   * The number of this call (1 for the first) of `operation` under `scenario` since it took
   * effect. `source` says who put it in effect: the namespace (restarted by `use`), a user's own
   * scenario (`user:<id>`, restarted when the user is added again), or a request header.
   */
  callNumber(source: string, scenario: string, operation: string): number {
    const key = `${source}\u0000${scenario}\u0000${operation}`
    const count = (this.#calls.get(key) ?? 0) + 1
    this.#calls.set(key, count)
    return count
  }

  #forgetCalls(source: string): void {
    for (const key of this.#calls.keys()) if (key.startsWith(`${source}\u0000`)) this.#calls.delete(key)
  }

  /** Queues failures for the next calls of an operation (see `FailNextQueue`). */
  failNext(operation: string, answer: unknown, options?: FailNextOptions): PendingFailure {
    return this.failures.add(operation, answer, options, this.operations)
  }

  /**
   * Expires every live access token of this namespace now, without moving the clock: the next
   * check answers `token_expired`, refresh tokens keep working. Returns how many sessions it touched.
   */
  expire(now = this.clock.now()): number {
    for (const session of this.store.sessions.values()) {
      session.accessExpiredAt = now
      delete session.accessExempt
    }
    return this.store.sessions.size
  }

  /** Adds a user at run time (validated like a users file); ids, usernames and emails stay unique. */
  addUser(input: UserInput): StoredUser {
    const user = normalizeUser(input, 'user', () => `user-${crypto.randomUUID()}`)
    if (user.scenario !== undefined && !this.config.scenarios.has(user.scenario)) throw unknownScenarioError(user.scenario, this.config.scenarios.keys())
    const store = this.store
    const taken = store.users.has(user.id) ? user.id : [user.username, user.email].find((login) => login !== undefined && store.hasLogin(login))
    if (taken !== undefined) throw new MockAuthError('ERR_USER_EXISTS', `A user with "${taken}" already exists; ids, usernames and emails must be unique. Remove it first or pick another.`)
    store.addUser(user)
    this.#forgetCalls(`user:${user.id}`)
    return user
  }

  /** Removes a user (by id) and revokes their sessions; false if there was none. */
  removeUser(id: string): boolean {
    this.#forgetCalls(`user:${id}`)
    return this.store.removeUser(id)
  }

  /**
   * The state an injected protocol keeps in this namespace, made by `create` on first use and
   * dropped by `reset()`. The core never looks inside: a provider's codes live here without the
   * core knowing what a code is. Bounded by the number of protocol keys, which the engine's
   * protocols fix.
   */
  protocolState<T>(key: string, create: () => T): T {
    if (this.#protocols.has(key)) return this.#protocols.get(key) as T
    const state = create()
    this.#protocols.set(key, state)
    return state
  }

  /** Back to the start: seed users only, no sessions, an empty mailbox and journal, nothing queued, no protocol state, the initial scenario and clock. */
  reset(): void {
    this.#protocols.clear()
    this.store = new Store(this.config.seedUsers, this.config.storeLimits)
    this.account = new AccountState()
    this.clock.reset()
    this.#scenario = this.config.initialScenario
    this.journal.clear()
    this.failures.clear()
    this.#calls.clear()
  }

  /**
   * One page of the namespace's users and sessions, with totals. Never the whole store: it may hold
   * 10,000 users with 1,000 sessions each, and only the page is ever built.
   */
  summary(page: StatePage = {}): StateSummary {
    const offset = page.offset ?? 0
    const limit = page.limit ?? DEFAULT_STATE_LIMIT
    if (!Number.isInteger(offset) || offset < 0) throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid offset ${String(offset)}: use a whole number of at least 0.`)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STATE_LIMIT) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid limit ${String(limit)}: use a whole number from 1 to ${MAX_STATE_LIMIT} (default ${DEFAULT_STATE_LIMIT}).`)
    }
    const iso = (ms: number) => new Date(ms).toISOString()
    const { users, sessions } = this.store
    const more = Math.max(users.size, sessions.size) > offset + limit
    return {
      namespace: this.name,
      scenario: this.#scenario.name,
      now: iso(this.clock.now()),
      totals: { users: users.size, sessions: sessions.size },
      offset,
      limit,
      nextOffset: more ? offset + limit : null,
      users: slice(users.values(), offset, limit).map((u) => (u.scenario === undefined ? publicUser(u) : { ...publicUser(u), scenario: u.scenario })),
      sessions: slice(sessions.values(), offset, limit).map((s) => ({
        id: s.id,
        userId: s.userId,
        createdAt: iso(s.createdAt),
        expiresAt: iso(s.expiresAt),
        refreshTokens: 1 + (s.rotatedTokens?.length ?? 0),
      })),
      failNext: this.failures.pending(),
    }
  }
}

/** Items `offset` to `offset + limit` of an iterator, without copying the rest. */
function slice<T>(items: Iterator<T>, offset: number, limit: number): T[] {
  const out: T[] = []
  let index = 0
  for (let next = items.next(); !next.done && out.length < limit; next = items.next(), index++) {
    if (index >= offset) out.push(next.value)
  }
  return out
}
