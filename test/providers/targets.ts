import { setupServer, type SetupServer } from 'msw/node'
import { createMockAuth } from '../../src/index.js'
import { createServer, type RunningServer } from '../../src/server/index.js'
import type { ProviderTarget } from './openid-client-flow.js'

export interface StartedTarget extends ProviderTarget {
  name: string
  /** Picks the account the next authorization at `provider` gets (the control API / the instance's controls). */
  chooseAccount(provider: string, account: string): Promise<void>
  stop(): Promise<void>
}

/** `mock-auth serve`'s server (createServer, Express) on a free port: real HTTP, global fetch. */
export async function serveTarget(): Promise<StartedTarget> {
  const running: RunningServer = await createServer().listen({ port: 0 })
  return {
    name: 'serve',
    origin: running.url,
    fetch: globalThis.fetch,
    async chooseAccount(provider, account) {
      const res = await fetch(`${running.url}/__mock-auth/providers/next-account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider, account }) })
      if (!res.ok) throw new Error(`next-account answered ${res.status}: ${await res.text()}`)
    },
    stop: () => running.close(),
  }
}

/** The MSW handlers in this process (msw/node): the relying party's own global fetch is intercepted. */
export async function mswTarget(origin = 'http://localhost:4010'): Promise<StartedTarget> {
  const auth = createMockAuth({ baseUrl: `${origin}/api/auth` })
  const server: SetupServer = setupServer(...auth.handlers)
  server.listen({ onUnhandledRequest: 'error' })
  return {
    name: 'msw',
    origin,
    fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
    async chooseAccount(provider, account) {
      auth.chooseAccount(provider, account)
    },
    async stop() {
      server.close()
    },
  }
}
