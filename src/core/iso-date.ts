/**
 * ISO 8601 dates as RFC 3339 §5.6 profiles them, strictly: `2030-01-01`, `2030-01-01T09:30Z`,
 * `2030-01-01T09:30:00.123+02:00`. `Date.parse` accepts far more (`"1"` is the year 2001, and
 * `2030-02-30` is quietly 2 March), which would let a typo move a test's clock somewhere else.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/

/**
 * Milliseconds since the epoch, or undefined when `text` is not a real ISO 8601 date (a day that
 * does not exist, hour 24, minute 60...). A date-time without an offset is read as UTC, not as the
 * machine's local time, so a clock set in a test means the same on every machine.
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => (part === undefined ? undefined : Number(part))) as number[]
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!) || hour > 23 || minute > 59 || second > 59) return undefined
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000)
  const offset = offsetMinutes(m[8])
  if (offset === undefined) return undefined
  return Date.UTC(year!, month! - 1, day!, hour, minute, second, millis) - offset * 60_000
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `Z` or none is 0; `+02:00` / `-0530` in minutes; an hour over 23 or minute over 59 is invalid. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2))
  if (hours > 23 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes)
}
