import type { JournalEntry, StateSummary } from '../core/index.js'

/**
 * What the matchers read: anything with a journal and a state, synchronous (createMockAuth,
 * setupMockAuth, isolated's controls) or asynchronous (the Playwright fixture, whose server mode
 * reads a remote journal). The matchers answer in kind: a promise only when the source gives one.
 */
export interface JournalSource {
  journal(): JournalEntry[] | Promise<JournalEntry[]>
  state(): StateSummary | Promise<StateSummary>
}

export interface HandledOptions {
  /** Exactly this many matching calls (default: at least one). */
  times?: number
  status?: number
  /** An error code (`'token_expired'`), `'network-error'`, or null for calls that succeeded. */
  error?: string | null
  /** A user id, username or email. */
  user?: string
}

export interface MatcherResult {
  pass: boolean
  message: () => string
}

/** A check over the journal: which entries it looked at, which of those match, and how many it wants. */
interface Check {
  /** `handled refresh 1 time with status 200`, for the sentence. */
  what: string
  /** The operations whose entries it reads (one, but for sign-ins: every route that completes one). */
  operations: readonly string[]
  match: (entry: JournalEntry, users: StateSummary['users']) => boolean
  times: number | undefined
  needsUsers: boolean
}

const ok = (entry: JournalEntry) => entry.status >= 200 && entry.status < 300

/**
 * Every route that ends with a user signed in: the password sign-in, the second factor, the magic
 * link and a social sign-in's callback (the last two answer 302 when a browser follows them).
 * A password sign-in answered with an MFA challenge acts for nobody yet (its entry's user is
 * null), so it is no sign-in until the second factor is.
 */
const SIGN_IN_OPERATIONS = ['signIn', 'mfaVerify', 'magicLinkVerify', 'socialCallback'] as const
const signedIn = (entry: JournalEntry) => entry.error === null && entry.user !== null && entry.status >= 200 && entry.status < 400

/** The checks behind each matcher, shared by Vitest's `expect` and Playwright's. */
export const checks = {
  toHaveHandled(operation: string, options: HandledOptions = {}): Check {
    const parts = [options.status === undefined ? '' : `status ${options.status}`, options.error === undefined ? '' : `error ${String(options.error)}`, options.user === undefined ? '' : `user ${options.user}`].filter(Boolean)
    return {
      what: `handled ${operation}${timesText(options.times)}${parts.length ? ` with ${parts.join(', ')}` : ''}`,
      operations: [operation],
      times: options.times,
      needsUsers: options.user !== undefined,
      match: (entry, users) =>
        (options.status === undefined || entry.status === options.status) &&
        (options.error === undefined || entry.error === options.error) &&
        (options.user === undefined || isUser(entry.user, options.user, users)),
    }
  },
  toHaveSignedIn(username?: string): Check {
    return {
      what: `signed ${username === undefined ? 'a user' : `"${username}"`} in`,
      operations: SIGN_IN_OPERATIONS,
      times: undefined,
      needsUsers: username !== undefined,
      match: (entry, users) => signedIn(entry) && (username === undefined || isUser(entry.user, username, users)),
    }
  },
  toHaveRefreshed(times?: number): Check {
    return { what: `refreshed successfully${timesText(times)}`, operations: ['refresh'], times, needsUsers: false, match: ok }
  },
  toHaveSignedOut(): Check {
    return { what: 'signed out', operations: ['signOut'], times: undefined, needsUsers: false, match: ok }
  },
} as const

export type MatcherName = keyof typeof checks

/** Runs a check against a source; a promise only if the source's journal (or state) is one. */
export function runCheck(received: unknown, check: Check, isNot: boolean): MatcherResult | Promise<MatcherResult> {
  if (!isSource(received)) {
    return { pass: isNot, message: () => `expect(mockAuth): ${describe(received)} has no journal. Pass a mock-auth instance: createMockAuth(), setupMockAuth(), the controls isolated() hands you, or the Playwright mockAuth fixture.` }
  }
  const entries = received.journal()
  const users = check.needsUsers ? received.state() : undefined
  if (entries instanceof Promise || users instanceof Promise) {
    return Promise.all([entries, users]).then(([e, s]) => evaluate(check, e, s?.users ?? [], isNot))
  }
  return evaluate(check, entries, users?.users ?? [], isNot)
}

function evaluate(check: Check, entries: JournalEntry[], users: StateSummary['users'], isNot: boolean): MatcherResult {
  const looked = entries.filter((e) => e.operation !== null && check.operations.includes(e.operation))
  // The heading names the operations found (`signIn, mfaVerify`), or all it looked for when none was.
  const found = [...new Set(looked.map((e) => e.operation))]
  const named = looked.length > 0 ? found.join(', ') : check.operations.join(' or ')
  const matching = looked.filter((e) => check.match(e, users))
  const pass = check.times === undefined ? matching.length > 0 : matching.length === check.times
  return {
    pass,
    message: () => {
      const expected = `Expected mock-auth ${isNot ? 'not ' : ''}to have ${check.what}`
      const got = `it did ${matching.length === 0 ? 'not once' : `${matching.length} time${matching.length === 1 ? '' : 's'}`}`
      const shown = looked.length > 0 ? looked : entries.slice(-20)
      const heading =
        looked.length > 0
          ? `Journal entries for ${named} (${looked.length}):`
          : entries.length === 0
            ? 'The journal is empty: no request reached mock-auth (check the base URL, and that the handlers are installed).'
            : `No ${named} entries; the journal's ${shown.length === entries.length ? '' : `last ${shown.length} of `}${entries.length} entries:`
      return [`${expected}, but ${got}.`, heading, ...shown.map((e) => `  ${formatEntry(e)}`)].join('\n')
    },
  }
}

/** `#3 POST /api/auth/refresh -> 401 invalid_refresh_token (refresh, user user123, scenario default, 2.1ms)` */
export function formatEntry(entry: JournalEntry): string {
  const answer = entry.error === null ? String(entry.status) : `${entry.status} ${entry.error}`
  const details = [entry.operation ?? 'no operation', entry.user === null ? '' : `user ${entry.user}`, entry.scenario === null ? '' : `scenario ${entry.scenario}`, `${entry.durationMs}ms`].filter(Boolean)
  return `#${entry.seq} ${entry.at} ${entry.method} ${entry.path} -> ${answer} (${details.join(', ')})`
}

function isUser(id: string | null, wanted: string, users: StateSummary['users']): boolean {
  if (id === null) return false
  if (id === wanted) return true
  const lower = wanted.toLowerCase()
  return users.some((u) => u.id === id && (u.username.toLowerCase() === lower || (typeof u.email === 'string' && u.email.toLowerCase() === lower)))
}

function timesText(times: number | undefined): string {
  return times === undefined ? '' : ` exactly ${times} time${times === 1 ? '' : 's'}`
}

function isSource(value: unknown): value is JournalSource {
  return typeof value === 'object' && value !== null && typeof (value as JournalSource).journal === 'function' && typeof (value as JournalSource).state === 'function'
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? 'this object' : typeof value
}
