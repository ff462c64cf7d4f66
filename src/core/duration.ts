import { MockAuthError } from './errors.js'

/** A duration: a number of seconds, or a string such as `'500ms'`, `'15m'`, `'-1m'`, `'7d'`. */
export type Duration = number | string

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const PATTERN = /^(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/

/**
 * Parses a duration into milliseconds. Bare numbers (and unit-less strings) are seconds, the unit
 * of JWT `exp`/`iat` (RFC 7519 §2 NumericDate) and of `expiresIn`. Negative values are allowed so a
 * scenario can issue tokens that are already expired.
 */
export function parseDuration(input: Duration, what = 'duration'): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid(String(input), what)
    return Math.round(input * 1_000)
  }
  const match = PATTERN.exec(input.trim())
  if (!match) throw invalid(input, what)
  const unit = match[2] ?? 's'
  return Math.round(Number(match[1]) * (UNIT_MS[unit] ?? 1_000))
}

function invalid(input: string, what: string): MockAuthError {
  return new MockAuthError(
    'ERR_INVALID_DURATION',
    `Invalid ${what} "${input}": use a number of seconds or a number with a unit (ms, s, m, h, d), e.g. "15m".`,
  )
}
