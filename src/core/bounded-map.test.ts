import { describe, expect, it } from 'vitest'
import { BoundedMap, EvictingMap } from './bounded-map.js'

/** The eviction order stays "oldest first" through many evictions, deletions and re-sets (one kept iterator). */
describe('EvictingMap', () => {
  it('keeps the newest max entries through thousands of evictions', () => {
    const map = new EvictingMap<number>(100)
    for (let i = 0; i < 5_000; i++) map.set(`k${i}`, i)
    expect(map.size).toBe(100)
    expect([...map.entries()].map(([, v]) => v)).toEqual(Array.from({ length: 100 }, (_, i) => 4_900 + i))
  })

  it('a key set again becomes the newest; a deleted one is skipped, not evicted twice', () => {
    const map = new EvictingMap<number>(3)
    map.set('a', 1)
    map.set('b', 2)
    map.set('c', 3)
    map.set('d', 4) // evicts a
    map.set('b', 20) // b is now the newest: c, d, b
    map.delete('c')
    map.set('e', 5) // room left by c: nothing evicted
    expect([...map.entries()]).toEqual([['d', 4], ['b', 20], ['e', 5]])
    map.set('f', 6) // evicts d, the oldest
    map.set('g', 7) // then b
    expect([...map.entries()]).toEqual([['e', 5], ['f', 6], ['g', 7]])
  })

  it('starts over after clear() and after being emptied by deletes', () => {
    const map = new EvictingMap<number>(2)
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i)
    map.clear()
    for (let i = 0; i < 5; i++) map.set(`n${i}`, i)
    expect([...map.entries()]).toEqual([['n3', 3], ['n4', 4]])
    map.delete('n3')
    map.delete('n4')
    for (let i = 0; i < 5; i++) map.set(`m${i}`, i)
    expect([...map.entries()]).toEqual([['m3', 3], ['m4', 4]])
  })
})

describe('BoundedMap', () => {
  it('bounds its entries and reads an expired one as absent', () => {
    const map = new BoundedMap<{ expiresAt: number }>(2)
    map.set('a', { expiresAt: 10 })
    map.set('b', { expiresAt: 100 })
    map.set('c', { expiresAt: 100 })
    expect(map.get('a', 0)).toBeUndefined()
    expect(map.get('b', 50)).toEqual({ expiresAt: 100 })
    expect(map.get('b', 100)).toBeUndefined()
    expect(map.size).toBe(1)
    expect(map.deleteWhere((v) => v.expiresAt === 100)).toBe(1)
    expect(map.size).toBe(0)
  })
})
