import { setTimeout as sleep } from 'node:timers/promises'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, publicUser, type AuthResult, type EngineOptions } from '../../src/core/index.js'
import type { ContractResponse, TransportFactory, TransportOptions } from './transport.js'
import { resolveDialect } from '../../src/dialects/index.js'
import { contractEngineOptions } from '../../src/dialects/contract/index.js'
import { providerWiring } from '../../src/providers/index.js'

/** Builds engine options from transport options; shared by every transport built on createEngine. */
export function engineOptions(options: TransportOptions = {}): EngineOptions {
  const appSecret = options.dialect !== undefined && options.dialect !== 'rest'
  const dialect = resolveDialect(options.dialect, { secret: appSecret ? options.secret : undefined })
  // The built-in identity providers, as createMockAuth and createServer mount them.
  const engine: EngineOptions = { dialect, scenarios: [...builtinScenarios, ...(options.scenarios ?? [])], ...providerWiring(undefined) }
  if (options.users) engine.users = options.users
  if (options.accessTokenTtl) engine.accessTokenTtl = options.accessTokenTtl
  if (options.publicUrl) engine.publicUrl = options.publicUrl
  if (options.alg || (options.secret && !appSecret)) engine.keyOptions = { ...(options.alg ? { alg: options.alg } : {}), ...(options.secret ? { secret: options.secret } : {}) }
  if (options.maxUsers) engine.maxUsers = options.maxUsers
  if (options.contract) Object.assign(engine, contractEngineOptions(options.contract, {}))
  return engine
}

/** What a client would observe from an engine result: the delay waited, a drop as a network error. */
export async function observeResult(result: AuthResult): Promise<ContractResponse> {
  if (result.delayMs) await sleep(result.delayMs)
  if (result.networkError) return { status: 0, headers: {}, cookies: [], body: null, networkError: true }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = value
  const body = result.body === null || result.body === '' ? null : headers['content-type']?.includes('json') ? JSON.parse(result.body) : result.body
  return { status: result.status, headers, cookies: [...result.cookies], body }
}

/** The engine in-process: `engine.fetch`, no adapter at all; control through `engine.namespace()`. */
export const engineTransport: TransportFactory = {
  name: 'engine',
  create(options) {
    const engine = createEngine(engineOptions(options))
    return {
      name: 'engine',
      origin: 'http://localhost',
      async start() {
        await engine.keys()
      },
      async stop() {},
      async send(request) {
        const result = await engine.fetch(request)
        if (!result) throw new Error(`The engine does not handle ${request.url}; contract cases stay under the base path.`)
        return observeResult(result)
      },
      control: {
        async use(scenario) {
          engine.namespace().use(scenario)
        },
        async advance(duration) {
          engine.namespace().clock.advance(duration)
        },
        async reset() {
          engine.namespace().reset()
        },
        async mailbox(to) {
          return engine.namespace().account.mailbox.list(to === undefined ? {} : { to })
        },
        journal: async (since) => engine.namespace().journal.entries(since),
        clearJournal: async () => engine.namespace().journal.clear(),
        async failNext(operation, answer, times) {
          engine.namespace().failNext(operation, answer, times === undefined ? {} : { times })
          return engine.namespace().failures.pending()
        },
        expire: async () => engine.namespace().expire(),
        addUser: async (user) => publicUser(engine.namespace().addUser(user)),
        removeUser: async (id) => engine.namespace().removeUser(id),
        state: async () => engine.namespace().summary(),
      },
    }
  },
}
