import type { SignedIn } from '../../handlers/controls.js'
import type { Duration, Engine, Mail, StateSummary } from '../core/index.js'

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
  /** Signs a user in without the login form: real tokens, and both HttpOnly cookies put into the browser context. */
  signIn(user: string, options?: SignInOptions): Promise<SignedIn>
}
