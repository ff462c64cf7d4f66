import { createServer, type RunningServer, type ServerOptions } from '../../src/server/index.js'
import type { Mail } from '../../src/core/index.js'
import { engineOptions } from './engine-transport.js'
import type { ContractResponse, Transport, TransportFactory } from './transport.js'

/** Express on a real loopback port, driven with fetch; control through the HTTP control API. */
export const expressTransport: TransportFactory = {
  name: 'express',
  create(options) {
    let running: RunningServer | undefined
    const url = () => {
      if (!running) throw new Error('express transport not started')
      return running.url
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const control = async (method: string, path: string, body?: unknown, allow404 = false): Promise<any> => {
      const res = await fetch(`${url()}/__mock-auth${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      })
      if (!res.ok && !(allow404 && res.status === 404)) throw new Error(`control ${method} ${path} answered ${res.status}: ${await res.text()}`)
      return { status: res.status, data: (await res.json()) as any }
    }
    // createServer adds the built-in scenarios and identity providers itself; pass only the extra ones.
    const { scenarios: _all, dialect, protocols: _providers, socialProviders: _social, ...engine } = engineOptions({ ...options, contract: undefined })
    // A contract is its own dialect: createServer builds it (and its base path and lifetimes) itself.
    const rest: ServerOptions = options?.contract ? { ...engine, contract: options.contract } : { ...engine, dialect }
    const transport: Transport = {
      name: 'express',
      get origin() {
        return url()
      },
      async start() {
        running = await createServer({ ...rest, scenarios: options?.scenarios ?? [] }).listen({ port: 0 })
      },
      async stop() {
        await running?.close()
        running = undefined
      },
      send: fetchContract,
      control: {
        use: async (scenario) => void (await control('PUT', '/scenario', { name: scenario })),
        advance: async (duration) => void (await control('POST', '/clock', { advance: duration })),
        reset: async () => void (await control('POST', '/reset')),
        mailbox: async (to) => (await control('GET', to === undefined ? '/mailbox' : `/mailbox?to=${encodeURIComponent(to)}`)).data as Mail[],
        journal: async (since) => (await control('GET', `/journal${since === undefined ? '' : `?since=${since}`}`)).data.entries,
        clearJournal: async () => void (await control('DELETE', '/journal')),
        failNext: async (operation, answer, times) =>
          (await control('POST', '/fail-next', { operation, ...(answer === 'network-error' ? { error: answer } : answer), ...(times === undefined ? {} : { times }) })).data.failNext,
        expire: async () => (await control('POST', '/expire')).data.sessions,
        addUser: async (user) => (await control('POST', '/users', user)).data.user,
        removeUser: async (id) => (await control('DELETE', `/users/${encodeURIComponent(id)}`, undefined, true)).status === 200,
        state: async () => (await control('GET', '/state')).data,
      },
    }
    return transport
  },
}

/**
 * Sends over `fetch` and reads what a client sees. A dropped connection rejects with a TypeError:
 * undici says "fetch failed" (socket closed), msw's `HttpResponse.error()` rejects the same way.
 */
export async function fetchContract(request: Request): Promise<ContractResponse> {
  let res: Response
  try {
    res = await fetch(request)
  } catch (error) {
    if (error instanceof TypeError) return { status: 0, headers: {}, cookies: [], body: null, networkError: true }
    throw error
  }
  return toContractResponse(res)
}

export async function toContractResponse(res: Response): Promise<ContractResponse> {
  const headers: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const text = await res.text()
  let body: unknown = null
  if (text !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: res.status, headers, cookies: res.headers.getSetCookie(), body }
}
