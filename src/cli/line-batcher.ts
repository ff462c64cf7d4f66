/**
 * Collects log lines and writes them once per event-loop turn. A write to a piped stdout is a
 * synchronous syscall in Node, and one per request cost `serve` about 15% of its throughput under
 * load (bench/README.md); batched, a busy turn's lines go out in one write, in order. `flush()`
 * writes what is pending at once (before `serve` prints its last line).
 */
export interface LineBatcher {
  line(text: string): void
  flush(): void
}

export function createLineBatcher(write: (text: string) => unknown): LineBatcher {
  let pending: string[] = []
  let scheduled: ReturnType<typeof setImmediate> | undefined
  const flush = () => {
    if (scheduled !== undefined) clearImmediate(scheduled)
    scheduled = undefined
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    write(text)
  }
  return {
    line(text) {
      pending.push(text)
      scheduled ??= setImmediate(flush)
    },
    flush,
  }
}
