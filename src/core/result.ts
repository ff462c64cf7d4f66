import { AUTH_ERRORS, type AuthErrorCode } from './error-codes.js'
import type { JournalEntry } from './journal.js'

/**
 * What the engine answers: a neutral descriptor each adapter turns into its own response. It is
 * not a Fetch `Response` because a plain `Response` loses `Set-Cookie` in the browser (a forbidden
 * response header, Fetch §"forbidden response-header name"); msw's `HttpResponse` and Node's
 * `res.setHeader('set-cookie', [...])` both keep every cookie.
 */
export interface AuthResult {
  status: number
  headers: Record<string, string>
  /** Each `Set-Cookie` value, kept apart (RFC 6265 §3: they must not be folded into one header). */
  cookies: string[]
  /** Serialized JSON, or null for an empty body. */
  body: string | null
  /** Milliseconds the transport should wait before answering (the `slow` scenario). */
  delayMs?: number
  /** The transport should drop the connection instead of answering (the `network-error` scenario). */
  networkError?: boolean
  /** The scenario that answered, for request logs; absent when no scenario applied. */
  scenario?: string
  /**
   * The error code this answers with, whatever the wire form (a dialect may answer an error as a
   * redirect); what the journal records. Set by `errorResult`; a dialect's own encoder sets it too.
   */
  error?: string
  /** The journal entry recorded for this answer (what `serve --log-format json` prints). */
  journalEntry?: JournalEntry
}

const BASE_HEADERS = { 'cache-control': 'no-store' } as const

export function jsonResult(status: number, data: unknown, headers: Record<string, string> = {}): AuthResult {
  return {
    status,
    headers: { 'content-type': 'application/json', ...BASE_HEADERS, ...headers },
    cookies: [],
    body: JSON.stringify(data),
  }
}

export function emptyResult(status: number, headers: Record<string, string> = {}): AuthResult {
  return { status, headers: { ...BASE_HEADERS, ...headers }, cookies: [], body: null }
}

export interface ErrorDetails {
  message?: string
  headers?: Record<string, string>
  /** Extra fields merged into the JSON body, e.g. `{ scenarios: [...] }`. */
  extra?: Record<string, unknown>
}

export function errorResult(code: AuthErrorCode, details: ErrorDetails = {}): AuthResult {
  const spec = AUTH_ERRORS[code]
  const result = jsonResult(spec.status, { error: code, message: details.message ?? spec.message, ...details.extra }, details.headers)
  result.error = code
  return result
}

/**
 * The answer to a HEAD request: the GET answer's status and headers without its body (RFC 9110
 * §9.3.2); `Content-Length` still says how long the GET body is (§8.6 allows it on HEAD).
 */
export function headResult(result: AuthResult): AuthResult {
  if (result.body === null) return result
  const length = new TextEncoder().encode(result.body).byteLength
  return { ...result, headers: { ...result.headers, 'content-length': String(length) }, body: null }
}

/** RFC 6750 §3: the Bearer challenge, with `error` only when a credential was actually presented. */
export function bearerChallenge(error?: { description: string }): string {
  if (!error) return 'Bearer realm="mock-auth"'
  const description = error.description.replace(/["\\]/g, "'")
  return `Bearer realm="mock-auth", error="invalid_token", error_description="${description}"`
}

/** Builds a Fetch `Response` from a result; for Node and server-side use (see the note on AuthResult). */
export function toFetchResponse(result: AuthResult): Response {
  const headers = new Headers(result.headers)
  for (const cookie of result.cookies) headers.append('set-cookie', cookie)
  return new Response(result.body, { status: result.status, headers })
}
