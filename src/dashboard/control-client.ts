/**
 * What the dashboard (served by `serve`) and the in-page panel (browser mode) ask of a mock:
 * nothing the control API cannot do, so the exposure guards of the control API hold for the page.
 * Two implementations: `httpControlClient` (fetch to `/__mock-auth/*`) and the browser entry's
 * in-page one over a `createBrowserMockAuth` instance.
 */
// The journal's own type, type-only: erased from the compiled file the page loads, so the
// dashboard still runs over a ControlClient alone.
import type { JournalEntry } from '../core/journal.js'
export type { JournalEntry }

export interface DashboardUser {
  id: string
  username: string
  email?: string
  scenario?: string
}

export interface DashboardSession {
  id: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface DashboardMail {
  id: string
  to: string
  subject: string
  link: string
  kind: string
  at: string
}

export interface DashboardState {
  namespace: string
  scenario: string
  now: string
  users: DashboardUser[]
  sessions: DashboardSession[]
  failNext: Array<{ operation: string; remaining?: number; times?: number; answer?: unknown }>
}

export interface ControlClient {
  /** Live namespaces (the picker); the in-page mock has only its own. */
  namespaces(): Promise<string[]>
  scenarios(): Promise<Array<{ name: string; description: string }>>
  state(): Promise<DashboardState>
  useScenario(name: string): Promise<void>
  advanceClock(duration: string): Promise<void>
  setClock(iso: string): Promise<void>
  addUser(user: { username: string; password: string; email?: string; scenario?: string }): Promise<void>
  removeUser(id: string): Promise<void>
  revokeSession(id: string): Promise<void>
  expireAll(): Promise<void>
  failNext(operation: string, error: string, times: number): Promise<void>
  journal(since: number): Promise<JournalEntry[]>
  clearJournal(): Promise<void>
  mailbox(): Promise<DashboardMail[]>
  /** Live journal entries; returns the unsubscribe. Without it the dashboard polls `journal(since)`. */
  subscribe?(onEntry: (entry: JournalEntry) => void): () => void
}

/** A control error, with the sentence the API answered (what failed, why, what to do). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The control API over HTTP, in one namespace (`x-mock-auth-namespace`). */
export function httpControlClient(origin: string, namespace: string): ControlClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'x-mock-auth-namespace': namespace }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${origin}/__mock-auth${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const text = await response.text()
    const data = text === '' ? null : (JSON.parse(text) as unknown)
    if (!response.ok) throw new ControlError(response.status, (data as { message?: string } | null)?.message ?? `${method} ${path} answered ${response.status}.`)
    return data as T
  }
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? value : ((value as { items?: T[] } | null)?.items ?? [])) as T[]
  return {
    namespaces: async () => (await call<{ namespaces: string[] }>('GET', '/namespaces')).namespaces,
    scenarios: () => call('GET', '/scenarios'),
    state: async () => {
      const raw = await call<Record<string, unknown>>('GET', '/state?limit=100')
      return { ...(raw as unknown as DashboardState), users: list(raw.users), sessions: list(raw.sessions), failNext: list(raw.failNext) }
    },
    useScenario: async (name) => void (await call('PUT', '/scenario', { name })),
    advanceClock: async (duration) => void (await call('POST', '/clock', { advance: duration })),
    setClock: async (iso) => void (await call('POST', '/clock', { set: iso })),
    addUser: async (user) => void (await call('POST', '/users', user)),
    removeUser: async (id) => void (await call('DELETE', `/users/${encodeURIComponent(id)}`)),
    revokeSession: async (id) => void (await call('DELETE', `/sessions/${encodeURIComponent(id)}`)),
    expireAll: async () => void (await call('POST', '/expire', {})),
    failNext: async (operation, error, times) => void (await call('POST', '/fail-next', { operation, error, times })),
    journal: async (since) => (await call<{ entries: JournalEntry[] }>('GET', `/journal?since=${since}`)).entries,
    clearJournal: async () => void (await call('DELETE', '/journal')),
    mailbox: async () => list<DashboardMail>(await call('GET', '/mailbox')),
    subscribe: (onEntry) => {
      // Server-Sent Events (HTML Living Standard §9.2): one event per journal entry.
      const source = new EventSource(`${origin}/__mock-auth/events?namespace=${encodeURIComponent(namespace)}`)
      source.onmessage = (event) => onEntry(JSON.parse(event.data as string) as JournalEntry)
      return () => source.close()
    },
  }
}
