import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Engine } from '../core/index.js'

/** Open event streams at most per server: every store is bounded, connections too. */
export const MAX_EVENT_STREAMS = 32
const HEARTBEAT_MS = 15_000

/**
 * `GET /__mock-auth/events`: the namespace's journal as Server-Sent Events (HTML Living Standard
 * §9.2, `text/event-stream`), one `message` event per entry with the entry as JSON and its `seq`
 * as the event id. The namespace is `?namespace=` (an `EventSource` cannot send headers), else the
 * header or cookie the control API reads. A comment line every 15 s keeps proxies from closing it.
 */
export class EventStreams {
  readonly #open = new Set<ServerResponse>()

  constructor(readonly engine: Engine) {}

  get size(): number {
    return this.#open.size
  }

  /** False when the cap is reached (the caller answers 503). */
  serve(req: IncomingMessage, res: ServerResponse, namespace: string): boolean {
    if (this.#open.size >= MAX_EVENT_STREAMS) return false
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    res.write(`retry: 2000\n: mock-auth journal of namespace ${namespace.replace(/[\r\n]/g, ' ')}\n\n`)
    this.#open.add(res)
    const unsubscribe = this.engine.subscribe((entry, from) => {
      if (from === namespace) res.write(`id: ${entry.seq}\ndata: ${JSON.stringify(entry)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
    heartbeat.unref()
    const done = () => {
      clearInterval(heartbeat)
      unsubscribe()
      this.#open.delete(res)
    }
    req.once('close', done)
    res.once('close', done)
    return true
  }

  /** Ends every stream (the server is closing: an event stream never finishes by itself). */
  closeAll(): void {
    for (const res of this.#open) res.end()
    this.#open.clear()
  }
}
