import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.js'
import { createClock } from './clock.js'

describe('parseDuration', () => {
  it.each([
    ['15m', 900_000],
    ['500ms', 500],
    ['-1m', -60_000],
    ['7d', 604_800_000],
    ['30', 30_000],
    [10, 10_000],
    ['1.5h', 5_400_000],
  ])('%s is %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms))

  it('rejects nonsense with a sentence that shows the format', () => {
    expect(() => parseDuration('soon', 'ttl')).toThrow(/Invalid ttl "soon".*"15m"/)
    expect(() => parseDuration(Number.NaN)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_DURATION' }))
  })
})

describe('clock', () => {
  it('moves with its source, advances, sets and resets', () => {
    let real = 1_000_000
    const clock = createClock({ source: () => real })
    expect(clock.now()).toBe(1_000_000)
    real += 5
    expect(clock.now()).toBe(1_000_005)
    clock.advance('1m')
    expect(clock.now()).toBe(1_060_005)
    clock.set('2030-01-01T00:00:00Z')
    expect(new Date(clock.now()).toISOString()).toBe('2030-01-01T00:00:00.000Z')
    clock.reset()
    expect(clock.now()).toBe(real)
  })

  it('rejects an invalid date', () => {
    expect(() => createClock().set('not a date')).toThrow(/ISO 8601/)
  })
})
