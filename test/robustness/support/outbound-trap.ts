import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Proves that nothing reaches out: a loopback server that counts every connection a `jku` or
 * `x5u` URL would make, plus a `globalThis.fetch` that records and refuses every call.
 */
export interface OutboundTrap {
  /** A URL on the trap server, to put in `jku`/`x5u` headers. */
  url(path: string): string
  /** Connections the trap server accepted. */
  readonly connections: number
  /** Every URL handed to `fetch` while the trap was armed. */
  readonly fetched: string[]
  restore(): Promise<void>
}

export async function armOutboundTrap(): Promise<OutboundTrap> {
  let connections = 0
  const fetched: string[] = []
  const server: Server = createServer((_req, res) => res.end('{"keys":[]}'))
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const realFetch = globalThis.fetch
  globalThis.fetch = ((input: RequestInfo | URL) => {
    fetched.push(input instanceof Request ? input.url : String(input))
    return Promise.reject(new Error('outbound fetch refused by the robustness suite'))
  }) as typeof fetch
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    get connections() {
      return connections
    },
    fetched,
    async restore() {
      globalThis.fetch = realFetch
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
