import { randomInt } from 'node:crypto'
import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { createMockAuth, type MockAuth, type MockAuthOptions } from '../../src/index.js'
import { fetchContract } from './express-transport.js'
import type { Transport, TransportFactory, TransportOptions } from './transport.js'

/**
 * The MSW handlers in-process: `setupServer` from msw/node in the test process, plain `fetch`
 * intercepted by msw (msw 2's Node cookie jar included, as a user's suite would have it); control
 * through the `createMockAuth` instance. Each transport answers on http://localhost with a port of
 * its own (nothing listens there: msw answers), so the extra transports a case makes never answer
 * another one's requests.
 */
export const mswTransport: TransportFactory = {
  name: 'msw',
  create(options) {
    const origin = extraOrigin()
    let auth: MockAuth | undefined
    const instance = () => {
      if (!auth) throw new Error('msw transport not started')
      return auth
    }
    const transport: Transport = {
      name: 'msw',
      origin,
      async start() {
        // A contract's routes are absolute paths: the base URL is then only the origin.
        auth = createMockAuth({ ...mockAuthOptions(options), baseUrl: options?.contract ? origin : `${origin}/api/auth` })
        await auth.engine.keys()
        shared.add(auth.handlers)
      },
      async stop() {
        if (auth) shared.remove(auth.handlers)
        auth = undefined
      },
      send: fetchContract,
      control: {
        async use(scenario) {
          instance().use(scenario)
        },
        async advance(duration) {
          instance().clock.advance(duration)
        },
        async reset() {
          instance().reset()
        },
        async mailbox(to) {
          return instance().mailbox(to === undefined ? {} : { to })
        },
        journal: async (since) => instance().journal(since === undefined ? {} : { since }),
        clearJournal: async () => instance().clearJournal(),
        failNext: async (operation, answer, times) => instance().failNext(operation, answer, times === undefined ? {} : { times }),
        expire: async () => instance().expire(),
        addUser: async (user) => instance().users.add(user),
        removeUser: async (id) => instance().users.remove(id),
        state: async () => instance().state(),
      },
    }
    return transport
  },
}

function mockAuthOptions(options: TransportOptions = {}): MockAuthOptions {
  const out: MockAuthOptions = {}
  if (options.scenarios) out.scenarios = options.scenarios
  if (options.users) out.users = options.users
  if (options.accessTokenTtl) out.accessTokenTtl = options.accessTokenTtl
  if (options.maxUsers) out.maxUsers = options.maxUsers
  if (options.alg) out.alg = options.alg
  if (options.secret) out.secret = options.secret
  if (options.contract) out.contract = options.contract
  if (options.dialect) out.dialect = options.dialect
  if (options.publicUrl) out.publicUrl = options.publicUrl
  return out
}

/**
 * One msw server for every MSW transport alive: msw 2 patches `fetch` once per process, and
 * closing a second setupServer would also stop the first one's interception. Each transport adds
 * its handlers (for its own origin) and removes them when it stops.
 */
class SharedServer {
  readonly #server = setupServer()
  readonly #active = new Set<readonly RequestHandler[]>()

  add(handlers: readonly RequestHandler[]): void {
    if (this.#active.size === 0) this.#server.listen({ onUnhandledRequest: 'error' })
    this.#active.add(handlers)
    this.#server.resetHandlers(...[...this.#active].flat())
  }

  remove(handlers: readonly RequestHandler[]): void {
    if (!this.#active.delete(handlers)) return
    this.#server.resetHandlers(...[...this.#active].flat())
    if (this.#active.size === 0) this.#server.close()
  }
}

const shared = new SharedServer()

function extraOrigin(): string {
  return `http://localhost:${randomInt(20_000, 60_000)}`
}
