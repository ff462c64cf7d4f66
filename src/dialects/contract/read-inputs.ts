import type { RouteContext } from '../../core/context.js'
import type { ProtocolError } from '../../core/dialect.js'
import { isAuthErrorCode } from '../../core/error-codes.js'
import { parseBody, type BodyFields } from '../../core/parse-body.js'
import type { AuthResult } from '../../core/result.js'
import type { Source } from './contract-types.js'

/**
 * Longest accepted login, email or name: they travel in the access token, and the token in a
 * cookie a browser keeps only up to 4096 bytes (RFC 6265 §6.1). Passwords are only compared.
 */
export const MAX_FIELD_LENGTH = 256
export const MAX_PASSWORD_LENGTH = 1024

export type Read<T> = { ok: true; value: T } | { ok: false; error: ProtocolError }

/** The body's fields (JSON or form); the core's 400/413/415 come back as error codes for the contract to encode. */
export async function readBody(ctx: RouteContext): Promise<Read<BodyFields>> {
  const parsed = await parseBody(ctx.request)
  return parsed.ok ? { ok: true, value: parsed.fields } : { ok: false, error: asProtocolError(parsed.result) }
}

/** The core's own `{error, message}` answer as a code and sentence, so the contract can shape it. */
function asProtocolError(result: AuthResult): ProtocolError {
  try {
    const body = JSON.parse(result.body ?? '{}') as { error?: unknown; message?: unknown }
    if (isAuthErrorCode(body.error)) return { code: body.error, ...(typeof body.message === 'string' ? { message: body.message } : {}) }
  } catch {
    // Not the core's JSON error: fall through to a generic one.
  }
  return { code: 'invalid_request' }
}

/** The first of `names` present in the body, as a string no longer than `max`. */
export function field(fields: BodyFields, names: readonly string[], max: number): Read<string | undefined> {
  for (const name of names) {
    const value = fields[name]
    if (value === undefined || value === null || value === '') continue
    if (typeof value !== 'string') return { ok: false, error: { code: 'invalid_request', message: `"${name}" must be a string.` } }
    if (value.length > max) return { ok: false, error: { code: 'invalid_request', message: `"${name}" is longer than ${max} characters.` } }
    return { ok: true, value }
  }
  return { ok: true, value: undefined }
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i

/**
 * The value of the first source that holds one. `malformed` when an Authorization header is sent
 * that is not `Bearer <token>` (RFC 6750 §2.1), so it earns invalid_token instead of "signed out".
 */
export function fromSources(ctx: RouteContext, sources: readonly Source[], fields: BodyFields | undefined): { token: string } | { malformed: true } | undefined {
  for (const source of sources) {
    if (source.from === 'bearer') {
      const header = ctx.request.headers.get('authorization')
      if (header === null) continue
      const match = BEARER.exec(header)
      return match?.[1] ? { token: match[1] } : { malformed: true }
    }
    const value = source.from === 'cookie' ? ctx.cookies[source.name] : source.from === 'header' ? ctx.request.headers.get(source.name) : fields?.[source.name]
    if (typeof value === 'string' && value !== '') return { token: value.trim() }
  }
  return undefined
}

/** True when a source reads the body, so the handler parses it (a GET without a body then stays cheap). */
export function readsBody(sources: readonly Source[]): boolean {
  return sources.some((s) => s.from === 'body')
}
