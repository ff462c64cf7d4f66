import type { JournalEntry } from './journal.js'
import { pathnameOf, type AuthRequest } from './request.js'
import type { AuthResult } from './result.js'
import type { NamespaceState } from './state.js'

export interface RecordFields {
  operation: string | null
  scenario: string | null
  user: string | null
  /** `performance.now()` when the engine took the request. */
  started: number
}

/**
 * Records an answered request in its namespace's journal and hangs the entry on the result, so a
 * transport's log (`serve --log-format json`) prints the very same entry. CORS preflights and
 * other OPTIONS requests are not recorded: they reach no operation on any transport.
 */
export function recordAnswer(state: NamespaceState, request: AuthRequest, result: AuthResult, fields: RecordFields): AuthResult {
  const dropped = result.networkError === true
  const elapsed = performance.now() - fields.started + (result.delayMs ?? 0)
  const entry: Omit<JournalEntry, 'seq'> = {
    at: new Date(state.clock.now()).toISOString(),
    method: request.method.toUpperCase(),
    path: pathnameOf(request.url),
    operation: fields.operation,
    status: dropped ? 0 : result.status,
    error: dropped ? 'network-error' : (result.error ?? wireError(result)),
    scenario: fields.scenario,
    user: fields.user,
    durationMs: Math.round(elapsed * 100) / 100,
  }
  result.journalEntry = state.journal.record(entry)
  return result
}

/**
 * An error answer no encoder tagged with a core code (a dialect's route built it itself): the
 * code its JSON body names (`error`, else `code`), so the journal still says what failed.
 */
function wireError(result: AuthResult): string | null {
  if (result.status < 400 || result.body === null || !result.body.startsWith('{')) return null
  try {
    const body = JSON.parse(result.body) as { error?: unknown; code?: unknown }
    return typeof body.error === 'string' ? body.error : typeof body.code === 'string' ? body.code : null
  } catch {
    return null
  }
}
