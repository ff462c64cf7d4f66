import { createClock, type Clock } from './clock.js'
import { unknownScenario, type EngineConfig } from './config.js'
import { AccountState } from './mail/account-state.js'
import type { Scenario } from './scenario.js'
import { Store } from './store.js'
import { publicUser, type PublicUser } from './users.js'

export interface StateSummary {
  namespace: string
  scenario: string
  now: string
  users: PublicUser[]
  sessions: Array<{ id: string; userId: string; createdAt: string; expiresAt: string; refreshTokens: number }>
}

/**
 * Everything one namespace owns: users, sessions, refresh families, clock and scenario. Nothing is
 * module-level, so two engines (or two namespaces) never share a byte of state.
 */
export class NamespaceState {
  store: Store
  /** Mailbox, mailed tokens, MFA challenges, verified emails. */
  account = new AccountState()
  readonly clock: Clock
  #scenario: Scenario

  constructor(
    readonly name: string,
    readonly config: EngineConfig,
  ) {
    this.store = new Store(config.seedUsers)
    this.clock = createClock(config.clock)
    this.#scenario = config.initialScenario
  }

  get scenario(): Scenario {
    return this.#scenario
  }

  /** Switches scenario; throws ERR_UNKNOWN_SCENARIO listing the known ones. */
  use(name: string): Scenario {
    const scenario = this.config.scenarios.get(name)
    if (!scenario) throw unknownScenario(name, this.config.scenarios)
    this.#scenario = scenario
    return scenario
  }

  /** Back to the start: seed users only, no sessions, an empty mailbox, the initial scenario and clock. */
  reset(): void {
    this.store = new Store(this.config.seedUsers)
    this.account = new AccountState()
    this.clock.reset()
    this.#scenario = this.config.initialScenario
  }

  summary(): StateSummary {
    const iso = (ms: number) => new Date(ms).toISOString()
    return {
      namespace: this.name,
      scenario: this.#scenario.name,
      now: iso(this.clock.now()),
      users: [...this.store.users.values()].map(publicUser),
      sessions: [...this.store.sessions.values()].map((s) => ({
        id: s.id,
        userId: s.userId,
        createdAt: iso(s.createdAt),
        expiresAt: iso(s.expiresAt),
        refreshTokens: 1 + (s.rotatedTokens?.length ?? 0),
      })),
    }
  }
}
