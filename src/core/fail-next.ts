import { parseDuration, type Duration } from './duration.js'
import { isAuthErrorCode, type AuthErrorCode } from './error-codes.js'
import { MockAuthError } from './errors.js'

/** How a failed call answers: a canned error (as a scenario's `respond`), or a dropped connection. */
export type FailAnswer = { error: AuthErrorCode; message?: string; retryAfter?: Duration } | 'network-error'

export interface FailNextOptions {
  /** How many of the next calls fail (default 1). */
  times?: number
}

/** A queued failure as `state()` shows it: `times` is how many calls it still fails. */
export interface PendingFailure {
  operation: string
  answer: FailAnswer
  times: number
}

/** At most this many queued failures per namespace (every store is bounded). */
export const MAX_PENDING_FAILURES = 100
const MAX_TIMES = 1000

/**
 * The failures a test queued with `failNext`: the next N calls of an operation fail, then it works
 * again. Queued in order, so two `failNext` calls on one operation fail it one after the other.
 */
export class FailNextQueue {
  readonly #pending: PendingFailure[] = []

  /** Validates and queues; `operations` are the names this engine knows. */
  add(operation: unknown, answer: unknown, options: FailNextOptions | undefined, operations: readonly string[]): PendingFailure {
    if (typeof operation !== 'string' || !operations.includes(operation)) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: ${JSON.stringify(operation)} is not an operation; use one of ${operations.join(', ')}.`)
    }
    const times = options?.times ?? 1
    if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: "times" must be a whole number from 1 to ${MAX_TIMES} (got ${String(times)}).`)
    }
    if (this.#pending.length >= MAX_PENDING_FAILURES) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: ${MAX_PENDING_FAILURES} failures are already queued; reset() or let some run first.`)
    }
    const failure: PendingFailure = { operation, answer: checkAnswer(answer), times }
    this.#pending.push(failure)
    return { ...failure }
  }

  /** The answer for this call of `operation`, if one is queued (and counts it as used). */
  take(operation: string): FailAnswer | undefined {
    const index = this.#pending.findIndex((p) => p.operation === operation)
    if (index === -1) return undefined
    const failure = this.#pending[index] as PendingFailure
    if (--failure.times === 0) this.#pending.splice(index, 1)
    return failure.answer
  }

  get size(): number {
    return this.#pending.length
  }

  pending(): PendingFailure[] {
    return this.#pending.map((p) => ({ ...p }))
  }

  clear(): void {
    this.#pending.length = 0
  }
}

function checkAnswer(answer: unknown): FailAnswer {
  if (answer === 'network-error') return answer
  const hint = `an answer is 'network-error' or { error: 'server_error', message?, retryAfter? }`
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: ${hint} (got ${JSON.stringify(answer)}).`)
  }
  const { error, message, retryAfter, ...rest } = answer as Record<string, unknown>
  if (!isAuthErrorCode(error)) throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: "error" must be an error code such as "server_error" (got ${JSON.stringify(error)}); ${hint}.`)
  const extra = Object.keys(rest)
  if (extra.length > 0) throw new MockAuthError('ERR_INVALID_OPTIONS', `failNext: unknown field "${extra[0]}"; ${hint}.`)
  if (message !== undefined && typeof message !== 'string') throw new MockAuthError('ERR_INVALID_OPTIONS', 'failNext: "message" must be a string.')
  const checked: FailAnswer = { error }
  if (message !== undefined) checked.message = message
  if (retryAfter !== undefined) {
    if (typeof retryAfter !== 'string' && typeof retryAfter !== 'number') throw new MockAuthError('ERR_INVALID_OPTIONS', 'failNext: "retryAfter" must be a duration such as "30s".')
    parseDuration(retryAfter, 'failNext retryAfter')
    checked.retryAfter = retryAfter
  }
  return checked
}
