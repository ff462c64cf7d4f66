import { METHODS } from 'node:http'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockAuth, type MockAuthOptions } from '../../../src/index.js'
import type { EngineOptions } from '../../../src/core/index.js'
import type { CaseSender } from './fuzz-run.js'
import { replyOfResponse, type Reply, type Target } from './target.js'

const ORIGIN = 'http://mock-auth.test'
/** What the catch-all answers for requests mock-auth's handlers leave alone. */
const UNHANDLED = 'x-robustness-unhandled'
const DROPPED: Reply = { status: 0, headers: {}, cookies: [], text: '', json: undefined, networkError: true }

/** mock-auth's msw handlers behind msw/node's `setupServer`, reached through the patched `fetch`. */
export async function mswTarget(options: Partial<EngineOptions>): Promise<Target> {
  const mockOptions: MockAuthOptions = { baseUrl: `${ORIGIN}/api/auth` }
  if (options.clockTolerance !== undefined) mockOptions.clockTolerance = options.clockTolerance
  if (options.maxNamespaces !== undefined) mockOptions.maxNamespaces = options.maxNamespaces
  if (options.keyOptions?.secret !== undefined) mockOptions.secret = options.keyOptions.secret
  const mockAuth = createMockAuth(mockOptions)
  const server = setupServer(...mockAuth.handlers, http.all(/.*/, () => new HttpResponse(null, { status: 404, headers: { [UNHANDLED]: '1' } })))
  server.listen({ onUnhandledRequest: 'error' })
  // The patched fetch, kept so a test stubbing `globalThis.fetch` later does not cut this target off.
  const patchedFetch = globalThis.fetch
  const send = async (request: Request): Promise<Reply> => {
    let response: Response
    try {
      response = await patchedFetch(request)
    } catch (error) {
      return refusedByFetch(error) ? { ...DROPPED, refusedByFetch: true } : DROPPED
    }
    const reply = await replyOfResponse(response)
    if (reply.headers[UNHANDLED]) reply.passedOn = true
    return reply
  }
  const belowFetch = await interceptsBelowFetch(send)
  const sendCase: CaseSender = async (c) => {
    // Below fetch, msw reads the outgoing bytes with Node's own HTTP parser, which knows only
    // node:http's METHODS: any other method is passed on to the network, unseen by every handler
    // (a Node server refuses it with 400, which the express target checks). Not sent, so nothing leaves.
    if (belowFetch && !METHODS.includes(c.method.toUpperCase())) return 'unsendable'
    let request: Request
    try {
      const headers = new Headers()
      for (const [name, value] of c.headers) headers.append(name, value)
      // Fetch forbids a body on GET/HEAD; it means nothing there (RFC 9110 §9.3.1), so it is dropped.
      const body = c.body === null || /^(GET|HEAD)$/i.test(c.method) ? null : (c.body as Uint8Array<ArrayBuffer>)
      request = new Request(ORIGIN + c.path, { method: c.method, headers, body })
    } catch {
      return 'unsendable'
    }
    const reply = await send(request)
    // Node's fetch refused it before any I/O, as it would for a real server: no handler could see it.
    return reply.refusedByFetch ? 'unsendable' : reply
  }
  return {
    name: 'msw',
    origin: ORIGIN,
    engine: mockAuth.engine,
    send,
    sendCase,
    close: async () => server.close(),
  }
}

/**
 * Whether msw intercepts below `fetch` (msw 3 in Node: Node's real fetch, undici, builds the request
 * and msw answers at the socket) rather than replacing `fetch` (msw 2). Told by what undici alone
 * does: it refuses a `Transfer-Encoding` request header (it frames bodies itself) with
 * UND_ERR_INVALID_ARG before any I/O, so that request never reaches msw 3's handlers, while msw 2
 * hands it to them. That was the "dropped connection" the fuzz saw for a chunked `GET /api/auth`.
 */
async function interceptsBelowFetch(send: (request: Request) => Promise<Reply>): Promise<boolean> {
  const reply = await send(new Request(`${ORIGIN}/api/auth`, { headers: { 'transfer-encoding': 'chunked' } }))
  return reply.refusedByFetch === true
}

/** undici's "invalid argument" (a header it will not send, such as Transfer-Encoding or Connection). */
function refusedByFetch(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return error instanceof TypeError && cause?.code === 'UND_ERR_INVALID_ARG'
}
