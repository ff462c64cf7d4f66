import { AUTH_ERROR_CODES } from '../../../src/core/index.js'
import type { FuzzCase } from './fuzz-cases.js'
import type { Reply } from './target.js'

const CODES = new Set<string>(AUTH_ERROR_CODES)
/** What a leaked stack trace or internal path looks like. */
const LEAK = /\n\s+at |node_modules|\/work\/|file:\/\/|<html|<!DOCTYPE|TypeError|RangeError|SyntaxError: /i

/**
 * The invariants every answer keeps, whatever was sent: no 5xx unless a fault was asked for,
 * errors as JSON `{error, message}` with a stable code, no stack trace, no password, 405 with Allow,
 * RFC 6750 challenges on 401s from the token routes. Returns the broken invariant, or undefined.
 */
export function violation(c: FuzzCase, reply: Reply): string | undefined {
  if (reply.passedOn) return undefined
  if (reply.networkError) return c.fault ? undefined : 'connection dropped without a fault scenario'
  if (reply.status >= 500 && !c.fault) return `status ${reply.status} without a fault scenario`
  // A response to HEAD has no body by definition (RFC 9110 §9.3.2): only its status can be judged.
  if (c.method.toUpperCase() === 'HEAD') return undefined
  if (LEAK.test(reply.text)) return 'the body leaks a stack trace, a path or HTML'
  if (/"password"/.test(reply.text)) return 'the body contains a password field'
  if (reply.status >= 400) {
    const body = reply.json as { error?: unknown; message?: unknown } | undefined
    if (typeof body !== 'object' || body === null) return `error status ${reply.status} without a JSON body`
    if (typeof body.error !== 'string' || !CODES.has(body.error)) return `unknown error code ${JSON.stringify(body.error)}`
    if (typeof body.message !== 'string' || body.message === '') return 'error without a message'
    if (!(reply.headers['content-type'] ?? '').startsWith('application/json')) return 'error without a JSON content type'
    if (reply.status === 405 && !reply.headers.allow) return '405 without Allow'
    if (reply.status === 429 && !reply.headers['retry-after']) return '429 without Retry-After'
    if (reply.status === 401 && /\/(me|session|refresh)\/?$/.test(c.path) && !/^Bearer /.test(reply.headers['www-authenticate'] ?? '')) {
      return '401 from a token route without WWW-Authenticate: Bearer'
    }
  } else if (reply.text !== '' && (reply.headers['content-type'] ?? '').includes('json') && reply.json === undefined) {
    return 'a JSON content type with a body that is not JSON'
  }
  return undefined
}
