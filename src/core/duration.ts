import { MockAuthError } from './errors.js'

/** A duration: a number of seconds, or a string such as `'500ms'`, `'15m'`, `'-1m'`, `'7d'`. */
export type Duration = number | string

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const PATTERN = /^(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/
/**
 * Longer durations are refused: clock and expiry arithmetic then stays far inside the range a
 * `Date` can represent (±8.64e15 ms), where `toISOString()` would throw a RangeError.
 */
export const MAX_DURATION_MS = 36_500 * 86_400_000

/**
 * Parses a duration into milliseconds. Bare numbers (and unit-less strings) are seconds, the unit
 * of JWT `exp`/`iat` (RFC 7519 §2 NumericDate) and of `expiresIn`. Negative values are allowed so a
 * scenario can issue tokens that are already expired.
 */
export function parseDuration(input: Duration, what = 'duration'): number {
  if (typeof input === 'number') return bounded(Math.round(input * 1_000), String(input), what)
  const match = PATTERN.exec(input.trim())
  if (!match) throw invalid(input, what)
  const unit = match[2] ?? 's'
  return bounded(Math.round(Number(match[1]) * (UNIT_MS[unit] ?? 1_000)), input, what)
}

function bounded(ms: number, input: string, what: string): number {
  if (Number.isFinite(ms) && Math.abs(ms) <= MAX_DURATION_MS) return ms
  if (!Number.isFinite(ms)) throw invalid(input, what)
  throw new MockAuthError('ERR_INVALID_DURATION', `Invalid ${what} "${input}": durations are limited to 100 years (36500d).`)
}

function invalid(input: string, what: string): MockAuthError {
  return new MockAuthError(
    'ERR_INVALID_DURATION',
    `Invalid ${what} "${input}": use a number of seconds or a number with a unit (ms, s, m, h, d), e.g. "15m".`,
  )
}
