import type { CaseSender } from './fuzz-run.js'
import type { AuthResult, Engine } from '../../../src/core/index.js'

/** What a client observes, whatever answered: the engine in-process, Express on a port, or MSW. */
export interface Reply {
  status: number
  /** Lower-cased header names, `set-cookie` kept apart in `cookies`. */
  headers: Record<string, string>
  cookies: string[]
  text: string
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown
  /** The transport dropped the connection (only the network-error scenario may do that). */
  networkError?: boolean
  /** Node's fetch refused to send the request at all (undici's UND_ERR_INVALID_ARG): nothing was sent. */
  refusedByFetch?: boolean
  /** The engine declined the request (outside its paths): an adapter passes it on. */
  passedOn?: boolean
}

/** One way of reaching an engine; every suite here runs against each kind. */
export interface Target {
  readonly name: string
  /** Where requests are addressed, e.g. `http://127.0.0.1:4321`. */
  readonly origin: string
  readonly engine: Engine
  send(request: Request): Promise<Reply>
  /** Carries a raw fuzz case (any method, bytes, repeated headers); absent where the engine sender is used. */
  sendCase?: CaseSender
  close(): Promise<void>
}

export function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Turns an engine result into what a client would see; `null` (not ours) becomes the adapter's 404. */
export function replyOf(result: AuthResult | null): Reply {
  if (result === null) return { status: 404, headers: {}, cookies: [], text: '', json: undefined, passedOn: true }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = value
  const text = result.body ?? ''
  const reply: Reply = { status: result.status, headers, cookies: [...result.cookies], text, json: parseJson(text) }
  if (result.networkError) reply.networkError = true
  return reply
}

/** The engine called directly, as an adapter would: no port, no framework. */
export function engineTarget(engine: Engine): Target {
  return {
    name: 'engine',
    origin: 'http://localhost',
    engine,
    send: async (request) => replyOf(await engine.fetch(request)),
    close: async () => undefined,
  }
}

/** Reads a fetch `Response` into a `Reply`. */
export async function replyOfResponse(response: Response): Promise<Reply> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const text = await response.text()
  return { status: response.status, headers, cookies: response.headers.getSetCookie(), text, json: parseJson(text) }
}
