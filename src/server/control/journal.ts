import { errorResult, jsonResult, type AuthResult } from '../../core/kernel.js'
import type { ControlContext } from './context.js'

/** `GET /__mock-auth/journal` (`?since=<seq>`): the namespace's journal, oldest first. */
export function getJournal({ request, state }: ControlContext): AuthResult {
  const raw = new URL(request.url, 'http://mock-auth.invalid').searchParams.get('since')
  const since = raw === null ? 0 : Number(raw)
  if (raw !== null && (raw.trim() === '' || !Number.isInteger(since) || since < 0)) {
    return errorResult('invalid_request', { message: `"since" must be a seq number (a whole number, 0 or more), e.g. ?since=${state.journal.lastSeq}; got "${raw}".` })
  }
  return jsonResult(200, { namespace: state.name, lastSeq: state.journal.lastSeq, entries: state.journal.entries(since) })
}

/** `DELETE /__mock-auth/journal`: empties it (seq numbers go on, so a poller's `since` stays valid). */
export function deleteJournal({ state }: ControlContext): AuthResult {
  state.journal.clear()
  return jsonResult(200, { status: 'cleared', namespace: state.name, lastSeq: state.journal.lastSeq })
}
