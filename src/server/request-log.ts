import type { JournalEntry } from '../core/index.js'

export interface RequestLogEntry {
  method: string
  path: string
  /** 0 when the connection was dropped (the network-error scenario, or the client went away). */
  status: number
  ms: number
  /** The scenario that answered; undefined for the control API and unknown paths. */
  scenario: string | undefined
  dropped: boolean
  /** The engine's journal entry for this request; undefined for requests no operation answered. */
  journal?: JournalEntry | undefined
  /** The error code answered, if any. */
  error?: string | undefined
}

/** `POST /api/auth/login 200 3ms [expired]` */
export function formatLogLine(entry: RequestLogEntry): string {
  const status = entry.dropped ? 'dropped' : String(entry.status)
  return `${entry.method} ${entry.path} ${status} ${entry.ms}ms${entry.scenario === undefined ? '' : ` [${entry.scenario}]`}`
}

/**
 * `serve --log-format json`: the journal entry itself, one JSON line, exactly as
 * `GET /__mock-auth/journal` shows it. A request outside every operation gets the same shape with
 * `seq`, `operation`, `scenario` and `user` null and the server's clock.
 */
export function formatJsonLine(entry: RequestLogEntry): string {
  if (entry.journal) return JSON.stringify(entry.journal)
  const line: Record<keyof JournalEntry, unknown> = {
    seq: null,
    at: new Date().toISOString(),
    method: entry.method,
    path: entry.path,
    operation: null,
    status: entry.status,
    error: entry.dropped ? 'network-error' : (entry.error ?? null),
    scenario: null,
    user: null,
    durationMs: entry.ms,
  }
  return JSON.stringify(line)
}
