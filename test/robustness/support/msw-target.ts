import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockAuth, type MockAuthOptions } from '../../../src/index.js'
import type { EngineOptions } from '../../../src/core/index.js'
import type { CaseSender } from './fuzz-run.js'
import { replyOfResponse, type Reply, type Target } from './target.js'

const ORIGIN = 'http://mock-auth.test'
/** What the catch-all answers for requests mock-auth's handlers leave alone. */
const UNHANDLED = 'x-robustness-unhandled'

/** mock-auth's msw handlers behind msw/node's `setupServer`, reached through the patched `fetch`. */
export function mswTarget(options: Partial<EngineOptions>): Target {
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
    } catch {
      return { status: 0, headers: {}, cookies: [], text: '', json: undefined, networkError: true }
    }
    const reply = await replyOfResponse(response)
    if (reply.headers[UNHANDLED]) reply.passedOn = true
    return reply
  }
  const sendCase: CaseSender = async (c) => {
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
    return send(request)
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
