import type { SignedIn } from '../../handlers/controls.js'
import type { ChosenAccount, Duration, Engine, FailAnswer, FailNextOptions, JournalEntry, Mail, OperationName, PendingFailure, PublicUser, StateSummary, UserInput } from '../core/index.js'

export interface ScenarioInfo {
  name: string
  description: string
}

export interface SignInOptions {
  /** Access token lifetime, e.g. `'1h'`. */
  ttl?: Duration
  /** Issue the access token already expired. */
  expired?: boolean
  /**
   * The app's origin the session cookies are stored for (default: Playwright's `baseURL`). Pass
   * `false` to only get the tokens back, without touching the browser context.
   */
  url?: string | false
}

/**
 * The `mockAuth` fixture. Every method is async so the same test runs in both modes (in-process
 * routing, or a running `mock-auth serve`); always `await` them.
 */
export interface PlaywrightMockAuth {
  /** `'route'`: this test's own engine behind `context.route`; `'server'`: a namespace on `mockAuthUrl`. */
  readonly mode: 'route' | 'server'
  /** The namespace this test's state lives in. */
  readonly namespace: string
  /** The in-process engine (route mode only). */
  readonly engine: Engine | undefined
  /** Switches this test's scenario; unknown names throw, listing the known ones. */
  use(scenario: string): Promise<ScenarioInfo>
  readonly clock: {
    now(): Promise<Date>
    advance(by: Duration): Promise<Date>
    set(to: Date | string | number): Promise<Date>
  }
  /** This test's users, sessions, scenario and clock back to the start. */
  reset(): Promise<void>
  /** Users and live sessions. */
  state(): Promise<StateSummary>
  /** This test's mails (verification, reset, magic links), newest last; `to` keeps one recipient's. */
  mailbox(filter?: { to?: string }): Promise<Mail[]>
  /**
   * The account the next "Sign in with ..." at a mock identity provider gets, so the test runs the
   * real redirect flow without the chooser page: `chooseAccount('google', 'admin@example.com')`.
   */
  chooseAccount(provider: string, account: string): Promise<ChosenAccount>
  /**
   * A request to the mock with this browser context's cookies (Set-Cookie goes back into the
   * context): `await mockAuth.fetch('/api/auth/me')`. Use it instead of `page.request`, which never
   * passes through `context.route` and so misses the mock in route mode. A path resolves against
   * `baseURL`; in server mode the request goes to the server in this test's namespace.
   */
  fetch(input: string | URL, init?: RequestInit): Promise<Response>
  /** Signs a user in without the login form: real tokens, and both HttpOnly cookies put into the browser context. */
  signIn(user: string, options?: SignInOptions): Promise<SignedIn>
  /** Every request this test's app made to mock-auth, oldest first; `since` keeps entries with a greater seq. */
  journal(options?: { since?: number }): Promise<JournalEntry[]>
  /** Empties this test's journal. */
  clearJournal(): Promise<void>
  /** The next `times` (default 1) calls of `operation` fail with `answer` (`{ error }` or `'network-error'`), then it works again. */
  failNext(operation: OperationName, answer: FailAnswer, options?: FailNextOptions): Promise<PendingFailure[]>
  /** Expires every live access token now (the clock stays); refresh keeps working. Resolves with the sessions touched. */
  expire(): Promise<number>
  readonly users: {
    /** Adds a user; a `scenario` runs their requests under it. */
    add(user: UserInput): Promise<PublicUser>
    /** Removes a user by id and revokes their sessions; false if there was none. */
    remove(id: string): Promise<boolean>
  }
}
