import { parseDuration, type Duration } from './duration.js'
import { MockAuthError } from './errors.js'
import { parseIsoDate } from './iso-date.js'

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

/**
 * The clock stays between these dates (ISO 8601 four-digit years). Outside them `toISOString()`
 * of an expiry could throw (a `Date` ends at ±8.64e15 ms), so a control call answers a 400 instead
 * of every later request failing.
 */
export const CLOCK_MIN_MS = Date.UTC(1970, 0, 1)
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59)

export function createClock(options: ClockOptions = {}): Clock {
  const source = options.source ?? Date.now
  const initialOffset = options.start === undefined ? 0 : inRange(toEpochMs(options.start)) - source()
  let offset = initialOffset
  return {
    now: () => source() + offset,
    advance(by) {
      offset = inRange(source() + offset + parseDuration(by, 'clock advance')) - source()
      return source() + offset
    },
    set(to) {
      offset = inRange(toEpochMs(to)) - source()
      return source() + offset
    },
    reset() {
      offset = initialOffset
    },
  }
}

function inRange(ms: number): number {
  if (ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS) return ms
  const date = Number.isNaN(new Date(ms).getTime()) ? 'that date' : new Date(ms).toISOString()
  throw new MockAuthError('ERR_INVALID_OPTIONS', `The clock must stay between 1970-01-01 and 9999-12-31; ${date} is outside.`)
}

/** A `Date`, epoch milliseconds (as `new Date(number)` reads them) or a strict ISO 8601 string. */
export function toEpochMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : (parseIsoDate(value) ?? Number.NaN)
  if (!Number.isFinite(ms)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid date "${String(value)}": use a real ISO 8601 date such as "2030-01-01T00:00:00Z" (a date-time without an offset is UTC).`)
  }
  return ms
}
