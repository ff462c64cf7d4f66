import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorResult, namespaceOf, pathnameOf, type AuthResult, type Engine } from '../core/kernel.js'
import { CONTROL_PREFIX, foreignOrigin, handleControl } from './control-api.js'
import { corsHeaders } from './cors.js'
import { EventStreams, MAX_EVENT_STREAMS } from './events.js'
import { formatLogLine, type RequestLogEntry } from './request-log.js'
import { toAuthRequest } from './node-request.js'
import { sendResult } from './send-result.js'

const EVENTS_PATH = `${CONTROL_PREFIX}/events`

export interface RequestHandlerOptions {
  engine: Engine
  streams: EventStreams
  /** CORS origins; undefined when CORS is off. */
  allowOrigin: ((origin: string) => boolean) | undefined
  /** The control API's origin check (it refuses foreign origins even with CORS off). */
  control: { allowOrigin: (origin: string) => boolean }
  hostAllowed: (host: string | undefined) => boolean
  log: ((line: string, entry: RequestLogEntry) => void) | undefined
}

/**
 * What the server does with a request, as plain Node functions over `IncomingMessage` and
 * `ServerResponse`: the Host check, CORS and preflights, the event stream, the control API, the
 * engine's routes (`handle`), the JSON 404 for anything else (`notFound`) and the JSON 500 for a
 * failure (`failed`). The Express app calls them as one middleware and two handlers (each extra
 * Express layer showed in the session route's profile); `listen()` serves that app, so `serve`
 * runs on Express as its brief says, and `yourApp.use(app)` gets the very same behaviour.
 */
export function requestHandler(options: RequestHandlerOptions) {
  const { engine, streams, allowOrigin, control, hostAllowed, log } = options
  const answer = async (req: IncomingMessage, res: ServerResponse, result: AuthResult, started: number, scenario?: string, cors = allowOrigin ? corsHeaders(req, allowOrigin).headers : undefined) => {
    await sendResult(req, res, result, cors)
    if (log) logLine(log, req, res, started, result.networkError === true, scenario, result)
  }

  /** Answers the request unless no route of the engine or the control API takes it (false: nothing was written). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const started = log ? performance.now() : 0
    if (!hostAllowed(req.headers.host)) {
      // No CORS headers: a page behind a rebound name reads nothing, whatever its origin.
      await answer(req, res, forbiddenHost(req.headers.host ?? ''), started, undefined, {})
      return true
    }
    const cors = allowOrigin ? corsHeaders(req, allowOrigin) : undefined
    if (cors?.preflight) {
      res.writeHead(204, Object.assign(cors.headers, { 'cache-control': 'no-store' }))
      res.end()
      if (log) logLine(log, req, res, started, false)
      return true
    }
    // The journal as Server-Sent Events: a stream, so it bypasses the request/answer control API.
    if (req.method === 'GET' && pathnameOf(pathOf(req)) === EVENTS_PATH) {
      const refused = foreignOrigin(req.headers.origin, control)
      if (refused) {
        await answer(req, res, refused, started, undefined, cors?.headers)
        return true
      }
      const namespace = new URL(pathOf(req), 'http://mock-auth.invalid').searchParams.get('namespace') || namespaceOf(await toAuthRequest(req))
      if (!streams.serve(req, res, namespace)) {
        void answer(req, res, errorResult('service_unavailable', { message: `Too many open event streams (at most ${MAX_EVENT_STREAMS}): close a dashboard tab, or poll GET /__mock-auth/journal?since=<seq>.` }), started)
      }
      return true
    }
    const request = await toAuthRequest(req)
    const controlled = await handleControl(engine, request, control)
    const result = controlled ?? (await engine.fetch(request))
    if (!result) return false
    // Control calls show no scenario in the log: scenarios never touch them.
    await answer(req, res, result, started, controlled ? undefined : result.scenario, cors?.headers)
    return true
  }

  function notFound(req: IncomingMessage, res: ServerResponse): void {
    const base = engine.config.basePath || '/'
    void answer(req, res, errorResult('not_found', { message: `No route ${req.method} ${pathnameOf(pathOf(req))}. Auth routes live under ${base}, control routes under /__mock-auth.` }), log ? performance.now() : 0)
  }

  function failed(error: unknown, req: IncomingMessage, res: ServerResponse): void {
    if (res.headersSent) {
      res.destroy()
      return
    }
    const status = (error as { status?: unknown } | null)?.status
    // A client mistake caught by Express itself (e.g. a body it refused) stays a 4xx; anything else
    // is our fault. Either way: JSON, no stack trace.
    const result =
      typeof status === 'number' && status >= 400 && status < 500
        ? errorResult('invalid_request', { message: 'The request could not be processed.' })
        : errorResult('server_error', { message: 'mock-auth failed to handle this request (an internal error, not a scenario). The server keeps serving.' })
    void answer(req, res, result, log ? performance.now() : 0)
  }

  return { handle, notFound, failed }
}

/** The path the client sent: Express rewrites `req.url` inside a mounted app, `originalUrl` keeps it. */
function pathOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
}

function forbiddenHost(host: string): AuthResult {
  return errorResult('forbidden_host', {
    message: `mock-auth refuses the Host ${JSON.stringify(host)}: only localhost, *.localhost and IP addresses are answered, so a web page cannot reach the mock through a rebound DNS name. Allow a name of yours with --allowed-host NAME (option allowedHosts).`,
  })
}

/** One log line for an answered (or deliberately dropped) request. */
function logLine(log: (line: string, entry: RequestLogEntry) => void, req: IncomingMessage, res: ServerResponse, started: number, dropped: boolean, scenario?: string, result?: AuthResult): void {
  const entry: RequestLogEntry = {
    journal: result?.journalEntry,
    error: result?.error,
    method: req.method ?? 'GET',
    path: pathnameOf(pathOf(req)),
    status: dropped ? 0 : res.statusCode,
    ms: Math.round(performance.now() - started),
    scenario,
    dropped,
  }
  log(formatLogLine(entry), entry)
}
