import { describe, expect, it } from 'vitest'
import { createLineBatcher } from '../../src/cli/line-batcher.js'

describe('createLineBatcher', () => {
  it('writes the lines of one turn in one write, in order', async () => {
    const writes: string[] = []
    const batcher = createLineBatcher((text) => writes.push(text))
    batcher.line('a\n')
    batcher.line('b\n')
    expect(writes).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['a\nb\n'])
    batcher.line('c\n')
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['a\nb\n', 'c\n'])
  })

  it('flush writes what is pending at once, and only once', async () => {
    const writes: string[] = []
    const batcher = createLineBatcher((text) => writes.push(text))
    batcher.line('x\n')
    batcher.flush()
    expect(writes).toEqual(['x\n'])
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['x\n'])
  })
})
