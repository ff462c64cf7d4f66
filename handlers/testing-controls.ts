import { publicUser } from '../src/core/users.js'
import type {
  FailAnswer,
  FailNextOptions,
  JournalEntry,
  NamespaceState,
  OperationName,
  PendingFailure,
  PublicUser,
  UserInput,
} from '../src/core/kernel.js'

/** Users of one namespace at run time: what `POST /__mock-auth/users` and `DELETE /__mock-auth/users/<id>` do. */
export interface MockAuthUsers {
  /** Adds a user (validated like a users file; a `scenario` runs their requests under it). Throws `ERR_USER_EXISTS` on a taken id, username or email. */
  add(user: UserInput): PublicUser
  /** Removes a user by id and revokes their sessions; false if there was no such user. */
  remove(id: string): boolean
}

/** The journal, failures and users of one namespace: the in-process side of issue 12's control routes. */
export interface MockAuthTestingControls {
  /** Every request answered in this namespace, oldest first (the newest `journalSize`); `since` keeps entries with a greater seq. */
  journal(options?: { since?: number }): JournalEntry[]
  /** Empties the journal (seq numbers go on). */
  clearJournal(): void
  /**
   * The next `times` (default 1) calls of `operation` fail with `answer`, then it works again:
   * `failNext('refresh', { error: 'server_error' })`, `failNext('session', 'network-error', { times: 2 })`.
   */
  failNext(operation: OperationName, answer: FailAnswer, options?: FailNextOptions): PendingFailure[]
  /** Expires every live access token now without moving the clock; refresh keeps working. Returns the sessions touched. */
  expire(): number
  readonly users: MockAuthUsers
}

/** The testing controls over a namespace; `changed` runs after each mutation (browser persistence). */
export function testingControls(state: () => NamespaceState, changed: <T>(value: T) => T): MockAuthTestingControls {
  return {
    journal: (options = {}) => state().journal.entries(options.since),
    clearJournal: () => changed(state().journal.clear()),
    failNext(operation, answer, options) {
      const namespace = state()
      namespace.failNext(operation, answer, options)
      return changed(namespace.failures.pending())
    },
    expire: () => changed(state().expire()),
    users: {
      add: (user) => changed(publicUser(state().addUser(user))),
      remove: (id) => changed(state().removeUser(id)),
    },
  }
}
