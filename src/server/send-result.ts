// Imported, not the global: in an ES module every use of the global `Buffer` goes through Node's accessor.
import { Buffer } from 'node:buffer'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AuthResult } from '../core/index.js'

/**
 * Writes an engine result to Node's response. Every cookie goes out as its own `Set-Cookie`
 * (an array value, RFC 6265 §3: never folded), `delayMs` is waited first (the `slow` scenario), and
 * `networkError` destroys the socket without answering, as a dropped connection would.
 *
 * `extraHeaders` (CORS) go into the same `writeHead` call; headers set earlier with `res.setHeader`
 * would still be kept (`writeHead` merges them), only slower. Express's
 * `X-Powered-By` must be disabled on the app, or Node may collapse duplicate `Set-Cookie` headers.
 */
export async function sendResult(req: IncomingMessage, res: ServerResponse, result: AuthResult, extraHeaders?: Record<string, string>): Promise<void> {
  if (result.delayMs !== undefined && result.delayMs > 0) await sleep(result.delayMs, undefined, { ref: false })
  if (result.networkError) {
    req.socket.destroy()
    return
  }
  if (res.destroyed || res.headersSent) return
  // A request whose body was never read (a GET) is ended here, before the answer: Node's
  // `resOnFinish` would otherwise dump it and add an 'end' listener, each slow on Express's
  // re-prototyped `req`. Only a request Node has parsed to its end, so an upload still arriving is
  // left to Node as before.
  if (req.complete && !req.readableEnded) req.read()
  // One headers object for `writeHead` (CORS included): headers set earlier with `res.setHeader`
  // would make Node merge two sets on every response. Object.assign, not a spread: merging two
  // spreads took V8's slow path (~1 us per response).
  const headers: OutgoingHttpHeaders = Object.assign({}, extraHeaders, result.headers)
  if (result.cookies.length > 0) headers['set-cookie'] = result.cookies.slice()
  // RFC 9110 §8.6: no Content-Length on 204/304; a HEAD answer keeps the one its GET would have.
  if (result.status !== 204 && result.status !== 304) headers['content-length'] = result.body === null ? (result.headers['content-length'] ?? 0) : Buffer.byteLength(result.body, 'utf8')
  // A body over the limit is not read to its end (RFC 9110 §15.5.14): the connection closes after
  // the 413 (Node then destroys the socket instead of draining the rest of the upload).
  if (result.status === 413) headers.connection = 'close'
  res.writeHead(result.status, headers)
  // Node joins a string body to the head in one chunk; a Buffer would go out as a chunk of its own.
  if (result.body === null) res.end()
  else res.end(result.body, 'utf8')
}
