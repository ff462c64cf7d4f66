import { parseDuration, type Duration } from './duration.js'
import { MockAuthError } from './errors.js'

/**
 * The engine's notion of "now". It follows real time plus an offset, so `short-lived` tokens expire
 * while you watch, and tests can `advance('15m')` or `set(date)` instead of patching `Date`
 * (the same idea as jose's `currentDate` option).
 */
export interface Clock {
  /** Milliseconds since the epoch, as the engine sees it. */
  now(): number
  advance(by: Duration): number
  set(to: Date | string | number): number
  /** Back to real time (offset 0), or to the start date the clock was made with. */
  reset(): void
}

export interface ClockOptions {
  /** Where the clock starts; it then moves with real time. */
  start?: Date | string | number
  /** The real time source, injected for tests. */
  source?: () => number
}

export function createClock(options: ClockOptions = {}): Clock {
  const source = options.source ?? Date.now
  const initialOffset = options.start === undefined ? 0 : toEpochMs(options.start) - source()
  let offset = initialOffset
  return {
    now: () => source() + offset,
    advance(by) {
      offset += parseDuration(by, 'clock advance')
      return source() + offset
    },
    set(to) {
      offset = toEpochMs(to) - source()
      return source() + offset
    },
    reset() {
      offset = initialOffset
    },
  }
}

export function toEpochMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value)
  if (!Number.isFinite(ms)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid date "${String(value)}": use an ISO 8601 date such as "2030-01-01T00:00:00Z".`)
  }
  return ms
}
