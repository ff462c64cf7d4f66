/**
 * What the engine reads from a request. A Fetch `Request` satisfies it as is; the Express adapter
 * passes a light object over Node's request instead, so the hot path builds no `Request`/`Headers`.
 */
export interface AuthRequest {
  readonly method: string
  readonly url: string
  readonly headers: { get(name: string): string | null }
  /** A Fetch stream, or chunks (an adapter that already buffered the body passes an array). */
  readonly body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null
}

export const MAX_BODY_BYTES = 100 * 1024

export type BodyRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'too_large' | 'invalid_utf8' | 'read_failed' }

/** Reads the body as UTF-8, stopping as soon as it passes `limit` bytes (no unbounded buffering). */
export async function readBodyText(request: AuthRequest, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: 'too_large' }
  const body = request.body
  if (!body) return { ok: true, text: '' }
  const chunks = new Chunks(limit)
  try {
    if ('getReader' in body) await readStream(body, chunks)
    else if (Symbol.asyncIterator in body) for await (const chunk of body) chunks.add(chunk)
    else for (const chunk of body) chunks.add(chunk)
  } catch (error) {
    return { ok: false, reason: error === TOO_LARGE ? 'too_large' : 'read_failed' }
  }
  try {
    return { ok: true, text: utf8.decode(chunks.bytes()) }
  } catch {
    return { ok: false, reason: 'invalid_utf8' }
  }
}

/** Decodes whole bodies only (never `stream: true`), so one decoder keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true })
const TOO_LARGE = new Error('too large')

/** The body's chunks, refusing (by throwing `TOO_LARGE`) once they pass the limit. */
class Chunks {
  readonly #list: Uint8Array[] = []
  #size = 0
  constructor(readonly limit: number) {}

  add(chunk: Uint8Array): void {
    this.#size += chunk.byteLength
    if (this.#size > this.limit) throw TOO_LARGE
    this.#list.push(chunk)
  }

  bytes(): Uint8Array {
    return concat(this.#list, this.#size)
  }
}

/** A plain reader loop: an async generator around it cost a sign-in through MSW measurably. */
async function readStream(body: ReadableStream<Uint8Array>, chunks: Chunks): Promise<void> {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      chunks.add(value)
    }
  } finally {
    reader.releaseLock()
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/**
 * The decoded pathname of an absolute URL (or of a raw path when it cannot be decoded). Parsing
 * only the path keeps this cheap and safe for odd inputs such as `//x` or `http://[bad`.
 */
export function pathnameOf(url: string): string {
  const start = url.indexOf('://')
  const afterHost = start === -1 ? 0 : url.indexOf('/', start + 3)
  if (afterHost === -1) return '/'
  const rest = url.slice(afterHost)
  const end = rest.search(/[?#]/)
  const raw = end === -1 ? rest : rest.slice(0, end)
  // Several layers ask for the path of every request; without a `%` there is nothing to decode.
  if (!raw.includes('%')) return raw || '/'
  try {
    return decodeURIComponent(raw) || '/'
  } catch {
    return raw || '/'
  }
}

/** The media type of a `Content-Type` value, lower-cased, without parameters (RFC 9110 §8.3.1). */
export function mediaType(request: AuthRequest): string {
  const value = request.headers.get('content-type') ?? ''
  return value.split(';', 1)[0]?.trim().toLowerCase() ?? ''
}

const FORWARDED_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/

/**
 * The origin the app is reached at, for absolute URLs in answers: the configured public origin,
 * else `X-Forwarded-Proto` / `X-Forwarded-Host` (the first value of each, as a local proxy such as
 * Next.js's rewrite sets them), else the request's own origin. Malformed forwarded values are
 * ignored rather than echoed.
 */
export function publicOrigin(request: AuthRequest, configured: string | undefined): string {
  if (configured !== undefined) return configured
  const own = originOfUrl(request.url)
  const host = request.headers.get('x-forwarded-host')?.split(',', 1)[0]?.trim()
  if (!host || !FORWARDED_HOST.test(host)) return own
  const proto = request.headers.get('x-forwarded-proto')?.split(',', 1)[0]?.trim().toLowerCase()
  const scheme = proto === 'http' || proto === 'https' ? proto : own.startsWith('https:') ? 'https' : 'http'
  return `${scheme}://${host}`
}

function originOfUrl(url: string): string {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? 'http://localhost' : origin
  } catch {
    return 'http://localhost'
  }
}
