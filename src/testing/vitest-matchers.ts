import { expect } from 'vitest'
import type { JournalEntry } from '../core/index.js'
import { checks, runCheck, type HandledOptions, type MatcherResult } from './journal-matchers.js'

export type { HandledOptions } from './journal-matchers.js'

/** Synchronous for an in-process mock (its journal is an array), a promise to await for a remote one. */
type Result<T> = T extends { journal(): Promise<JournalEntry[]> } ? Promise<void> : void

/** The journal matchers, typed on Vitest's `expect` once `mock-auth/vitest` is imported. */
export interface MockAuthMatchers<T = unknown> {
  /** The journal has calls of `operation` matching the options (exactly `times` of them when given, else at least one). */
  toHaveHandled(operation: string, options?: HandledOptions): Result<T>
  /** A sign-in succeeded (for `username`, an id, username or email, when given). */
  toHaveSignedIn(username?: string): Result<T>
  /** Refresh succeeded: exactly `times` times when given, else at least once. */
  toHaveRefreshed(times?: number): Result<T>
  /** A sign-out succeeded. */
  toHaveSignedOut(): Result<T>
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends MockAuthMatchers<T> {}
}

type State = { isNot: boolean }

/** For `expect.extend` by hand (e.g. a second Vitest `expect`); importing `mock-auth/vitest` already does it. */
export const mockAuthMatchers = {
  toHaveHandled(this: State, received: unknown, operation: string, options?: HandledOptions): MatcherResult | Promise<MatcherResult> {
    return runCheck(received, checks.toHaveHandled(operation, options), this.isNot)
  },
  toHaveSignedIn(this: State, received: unknown, username?: string) {
    return runCheck(received, checks.toHaveSignedIn(username), this.isNot)
  },
  toHaveRefreshed(this: State, received: unknown, times?: number) {
    return runCheck(received, checks.toHaveRefreshed(times), this.isNot)
  },
  toHaveSignedOut(this: State, received: unknown) {
    return runCheck(received, checks.toHaveSignedOut(), this.isNot)
  },
}

/** Adds the matchers to Vitest's `expect` (what importing `mock-auth/vitest` does; safe to call twice). */
export function installMatchers(): void {
  expect.extend(mockAuthMatchers)
}
