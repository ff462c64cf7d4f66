import type { IncomingMessage } from 'node:http'
import { MAX_BODY_BYTES, type AuthRequest } from '../core/kernel.js'

/** Methods whose request may carry a body the engine reads (RFC 9110 §9.3: GET/HEAD bodies have no meaning). */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Adapts Node's request to the engine's `AuthRequest` without building a Fetch `Request`: headers
 * are read straight from `req.headers` and the body is handed over as the chunks received. No
 * `express.json()` is mounted, so the core stays the single place where bodies are parsed and
 * judged (413, 415, 400).
 */
export async function toAuthRequest(req: IncomingMessage): Promise<AuthRequest> {
  const method = (req.method ?? 'GET').toUpperCase()
  const raw = req.headers
  const body = BODYLESS.has(method) ? null : await bufferBody(req)
  return {
    method,
    url: absoluteUrl(req),
    headers: {
      get(name: string): string | null {
        const value = raw[name.toLowerCase()]
        if (value === undefined) return null
        return Array.isArray(value) ? value.join(', ') : value
      },
    },
    body,
  }
}

/**
 * The body's chunks. A small body arrives with its headers, and Node's parser runs over the rest
 * of that read before any promise settles: one tick later the request is usually `complete` and
 * its chunks sit in the stream's buffer, read here at once with `read()`. That spares the four
 * listeners added and removed per request below (every listener operation on Express's
 * re-prototyped `req` showed in the sign-in profile), and ends the stream before the answer, so
 * Node's `resOnFinish` neither dumps it nor adds an 'end' listener of its own.
 */
async function bufferBody(req: IncomingMessage): Promise<Uint8Array[]> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return []
  await undefined
  if (!req.complete) return streamedBody(req)
  const chunks: Uint8Array[] = []
  // Everything is in memory already: the core sees the whole size and answers 413 when it is over.
  for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) chunks.push(chunk)
  return chunks
}

/**
 * A body still on its way, collected with plain 'data' events: a stream's async iterator cost more
 * per request than the rest of the adapter. Collecting stops just past the core's limit, so the
 * core still sees "too large" (413) and a huge body is never held; a declared Content-Length over
 * the limit is not read at all (the core answers 413 from the header).
 */
function streamedBody(req: IncomingMessage): Promise<Uint8Array[]> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = []
    let size = 0
    const finish = () => {
      req.off('data', onData)
      req.off('end', finish)
      req.off('error', finish)
      req.off('aborted', finish)
      resolve(chunks)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      chunks.push(chunk)
      if (size > MAX_BODY_BYTES) {
        // Stop the flow: the rest is never read, the 413 closes the connection.
        req.pause()
        finish()
      }
    }
    req.on('data', onData)
    req.once('end', finish)
    req.once('error', finish)
    req.once('aborted', finish)
  })
}

/** `http://<Host><path>`; a missing or odd Host falls back to the socket's address, never a throw. */
export function absoluteUrl(req: IncomingMessage): string {
  // Express rewrites req.url inside mounted routers; originalUrl is the path the client sent.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true
  const host = req.headers.host && /^[\w.\-:[\]]+$/.test(req.headers.host) ? req.headers.host : '127.0.0.1'
  return `${encrypted ? 'https' : 'http'}://${host}${path.startsWith('/') ? path : `/${path}`}`
}
