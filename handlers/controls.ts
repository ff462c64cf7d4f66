import { chooseNextAccount } from '../src/core/social.js'
import type { ChosenAccount, Duration, Mail, NamespaceState, StateSummary } from '../src/core/kernel.js'
import { engineOf, type EngineSource } from './engine-source.js'
import type { TokenBody } from '../src/core/issue.js'
import type { MintOptions } from '../src/core/mint.js'
import { testingControls, type MockAuthTestingControls } from './testing-controls.js'

/** A signed-in user's tokens, plus ready-made headers for a Node test's `fetch`. */
export interface SignedIn extends TokenBody {
  /** Each Set-Cookie the sign-in answered with. */
  cookies: string[]
  headers: {
    /** `Bearer <accessToken>` (RFC 6750 §2.1). */
    authorization: string
    /** `session=…; refresh_token=…`, what a browser would send back. */
    cookie: string
  }
}

export interface MockAuthClock {
  /** The engine's "now" for this namespace. */
  now(): Date
  /** Moves the clock forward (or back with a negative duration): `advance('15m')`. */
  advance(by: Duration): Date
  set(to: Date | string | number): Date
  /** Back to real time (or the configured start). */
  reset(): void
}

/** Test control over one namespace: the same operations as the server's `/__mock-auth/*` API. */
export interface MockAuthControls extends MockAuthTestingControls {
  readonly namespace: string
  /** The current scenario's name. */
  readonly scenario: string
  /** Switches scenario; throws `MockAuthError` `ERR_UNKNOWN_SCENARIO` listing the known ones. */
  use(scenario: string): { name: string; description: string }
  readonly clock: MockAuthClock
  /** Seed users only, no sessions, the initial scenario and clock. */
  reset(): void
  /** Users and live sessions. */
  state(): StateSummary
  /** Every mail "sent" in this namespace, newest last; `to` keeps one recipient's. Emptied by `reset()`. */
  mailbox(filter?: { to?: string }): Mail[]
  /** Signs a user (username, email or id) in without a password: a real session, as sign-in makes. */
  signIn(user: string, options?: Omit<MintOptions, 'user' | 'namespace'>): Promise<SignedIn>
  mint(options: Omit<MintOptions, 'namespace'>): Promise<SignedIn>
  /**
   * The account the next authorization at a mock identity provider gets, without the chooser:
   * `chooseAccount('google', 'admin@example.com')` (an email, login or subject). One authorization only.
   */
  chooseAccount(provider: string, account: string): ChosenAccount
}

export interface ControlHooks {
  onChange?: () => void
  resetAll?: boolean
  /** Gets the Set-Cookie lines of every `signIn`/`mint` (the browser entry puts them in its own jar). */
  onMinted?: (cookies: readonly string[], url: string | undefined) => void
}

/**
 * Controls bound to one namespace of an engine. `onChange` runs after every mutation (the browser
 * entry persists there); `resetAll` lets the instance's own controls reset every namespace.
 */
export function namespaceControls(source: EngineSource, namespace: string, hooks: ControlHooks = {}): MockAuthControls {
  const engine = () => engineOf(source)
  const state = (): NamespaceState => engine().namespace(namespace)
  const changed = <T>(value: T): T => {
    hooks.onChange?.()
    return value
  }
  const mint = async (options: Omit<MintOptions, 'namespace'>): Promise<SignedIn> => {
    // Minting loads with its first use (as the sign-in route does): most test files never mint.
    const { mintTokens } = await import('../src/core/mint.js')
    const result = await mintTokens(engine(), { ...options, namespace })
    const body = JSON.parse(result.body ?? '{}') as TokenBody
    hooks.onMinted?.(result.cookies, options.url)
    return changed({
      ...body,
      cookies: [...result.cookies],
      headers: {
        authorization: `Bearer ${body.accessToken}`,
        cookie: result.cookies.map((c) => c.split(';', 1)[0]).join('; '),
      },
    })
  }
  const controls: Omit<MockAuthControls, keyof MockAuthTestingControls> = {
    namespace,
    get scenario() {
      return state().scenario.name
    },
    use(name) {
      const scenario = state().use(name)
      return changed({ name: scenario.name, description: scenario.description })
    },
    clock: {
      now: () => new Date(state().clock.now()),
      advance: (by) => changed(new Date(state().clock.advance(by))),
      set: (to) => changed(new Date(state().clock.set(to))),
      reset: () => changed(state().clock.reset()),
    },
    reset() {
      if (hooks.resetAll) engine().reset()
      else state().reset()
      changed(undefined)
    },
    state: () => state().summary(),
    mailbox: (filter = {}) => state().account.mailbox.list(filter),
    chooseAccount: (provider, account) => changed(chooseNextAccount(engine().config, state(), provider, account)),
    signIn: (user: string, options: Omit<MintOptions, 'user' | 'namespace'> = {}) => mint({ ...options, user }),
    mint,
  }
  // Assigned onto `controls`, the target, so its live `scenario` getter stays a getter.
  return Object.assign(controls, testingControls(state, changed))
}
