import type { IncomingMessage } from 'node:http'
import type { AuthRequest } from '../core/index.js'

/** Methods whose request may carry a body the engine reads (RFC 9110 §9.3: GET/HEAD bodies have no meaning). */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Adapts Node's request to the engine's `AuthRequest` without building a Fetch `Request`: headers
 * are read straight from `req.headers` and the body is the request stream itself (an
 * `AsyncIterable<Buffer>`), which the core reads with its own 100 KB limit. No `express.json()` is
 * mounted, so the core stays the single place where bodies are parsed.
 */
export function toAuthRequest(req: IncomingMessage): AuthRequest {
  const method = (req.method ?? 'GET').toUpperCase()
  const raw = req.headers
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
    body: BODYLESS.has(method) ? null : req,
  }
}

/** `http://<Host><path>`; a missing or odd Host falls back to the socket's address, never a throw. */
export function absoluteUrl(req: IncomingMessage): string {
  // Express rewrites req.url inside mounted routers; originalUrl is the path the client sent.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true
  const host = req.headers.host && /^[\w.\-:[\]]+$/.test(req.headers.host) ? req.headers.host : '127.0.0.1'
  return `${encrypted ? 'https' : 'http'}://${host}${path.startsWith('/') ? path : `/${path}`}`
}

/** The decoded pathname of an absolute URL, or of the raw path when it cannot be decoded. */
export function pathnameOf(url: string): string {
  const start = url.indexOf('://')
  const afterHost = start === -1 ? 0 : url.indexOf('/', start + 3)
  if (afterHost === -1) return '/'
  const rest = url.slice(afterHost)
  const end = rest.search(/[?#]/)
  const raw = end === -1 ? rest : rest.slice(0, end)
  try {
    return decodeURIComponent(raw) || '/'
  } catch {
    return raw || '/'
  }
}
