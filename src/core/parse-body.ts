import type { AuthErrorCode } from './error-codes.js'
import { errorResult, type AuthResult } from './result.js'
import { mediaType, readBodyText, type AuthRequest } from './request.js'

/** A parsed body: only own string-keyed fields of a plain object, never a prototype. */
export type BodyFields = Record<string, unknown>

/**
 * Why a body was refused: `result` in mock-auth's own wire form, `error` for a dialect that
 * encodes the same refusal in its own (better-auth's `{ code, message }`).
 */
export type BodyFailure = { ok: false; result: AuthResult; error: { code: AuthErrorCode; message?: string } }

const MAX_DEPTH = 32

/**
 * Reads a JSON or form-encoded body into a null-prototype object. An empty body is `{}` whatever
 * its type, so `POST /logout` and `POST /refresh` work without one. Anything else answers a JSON
 * error: 413 over 100 KB, 415 for other media types, 400 for malformed or deeply nested JSON.
 */
export async function parseBody(request: AuthRequest): Promise<{ ok: true; fields: BodyFields } | BodyFailure> {
  const read = await readBodyText(request)
  if (!read.ok) {
    if (read.reason === 'too_large') return fail('payload_too_large')
    const why = read.reason === 'invalid_utf8' ? 'The request body is not valid UTF-8.' : 'The request body could not be read.'
    return fail('invalid_request', why)
  }
  if (read.text.trim() === '') return { ok: true, fields: Object.create(null) as BodyFields }
  const type = mediaType(request)
  if (type === 'application/json' || type.endsWith('+json')) return parseJson(read.text)
  if (type === 'application/x-www-form-urlencoded') return { ok: true, fields: parseForm(read.text) }
  const got = type === '' ? 'A request body without a Content-Type' : `Unsupported Content-Type "${type}"`
  return fail('unsupported_media_type', `${got}: send the body as application/json or application/x-www-form-urlencoded.`)
}

function parseJson(text: string): { ok: true; fields: BodyFields } | BodyFailure {
  // Checked before JSON.parse so a 100 KB run of "[[[[" costs one linear scan and cannot exhaust the stack.
  if (nestingDepth(text) > MAX_DEPTH) {
    return fail('invalid_request', `The JSON body is nested deeper than ${MAX_DEPTH} levels.`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('invalid_request', 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('invalid_request', 'The JSON body must be an object.')
  }
  // JSON.parse makes "__proto__" an own property, never the prototype; copying into a
  // null-prototype object keeps it inert wherever the fields go next.
  return { ok: true, fields: Object.assign(Object.create(null) as BodyFields, value) }
}

function parseForm(text: string): BodyFields {
  const fields = Object.create(null) as BodyFields
  for (const [key, value] of new URLSearchParams(text)) fields[key] = value
  return fields
}

function nestingDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) max = Math.max(max, ++depth)
    else if (c === 125 || c === 93) depth--
  }
  return max
}

/** Reads an optional string field; a present field of another type is an error. */
export function stringField(fields: BodyFields, name: string): string | undefined | { invalid: string } {
  const value = fields[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return { invalid: `"${name}" must be a string.` }
  return value
}

function fail(code: AuthErrorCode, message?: string): BodyFailure {
  const result = message === undefined ? errorResult(code) : errorResult(code, { message })
  return { ok: false, result, error: message === undefined ? { code } : { code, message } }
}
