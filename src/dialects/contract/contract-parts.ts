import { AUTH_ERRORS, isAuthErrorCode } from '../../core/error-codes.js'
import { MockAuthError } from '../../core/errors.js'
import { compileTemplate } from './template.js'
import { ERROR_SCOPE, type CompiledErrors, type ContractOperation, type ContractRoute, type Source } from './contract-types.js'

/** Fails a contract with a sentence that names the field and the fix. */
export type Fail = (why: string) => never

export function failer(source: string): Fail {
  return (why) => {
    throw new MockAuthError('ERR_INVALID_CONTRACT', `Invalid contract ${source}: ${why}`)
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const ROUTE = /^([A-Za-z]+) +(\/\S*)$/

/** `"POST /auth/signin"` (or a list of them) → routes; only literal paths, no query, wildcard or parameter. */
export function parseRoutes(value: unknown, where: string, operation: ContractOperation, fail: Fail): ContractRoute[] {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.length === 0) fail(`"${where}" must be "METHOD /path", e.g. "POST /auth/signin", or a list of them.`)
  return (list as unknown[]).map((entry, index) => {
    const at = Array.isArray(value) ? `${where}[${index}]` : where
    const match = typeof entry === 'string' ? ROUTE.exec(entry.trim()) : null
    if (!match) fail(`"${at}" must be "METHOD /path", e.g. "POST /auth/signin" (got ${JSON.stringify(entry)}).`)
    const method = (match[1] ?? '').toUpperCase()
    const path = match[2] ?? '/'
    if (!METHODS.includes(method)) fail(`"${at}" uses the method ${method}; use ${METHODS.join(', ')}.`)
    if (/[?#*:{}]/.test(path)) fail(`"${at}" must be a literal path: no query, fragment, wildcard or :parameter (got "${path}").`)
    if (path.startsWith('/__mock-auth')) fail(`"${at}" is under /__mock-auth, which the control API owns; choose another path.`)
    return { method, path, operation }
  })
}

/** The path a route matches: trailing slashes do not count, as for every other route of the engine (`/` is ``). */
export function matchedPath(path: string): string {
  return path.replace(/\/+$/, '')
}

export function routeKey(method: string, path: string): string {
  return `${method} ${matchedPath(path) || '/'}`
}

/**
 * `bearer`, `cookie` (the contract's own cookie for this value), `cookie:NAME`, `header:NAME`,
 * `body:NAME`; `allowed` says which kinds this value may come from.
 */
export function parseSources(value: unknown, where: string, allowed: readonly Source['from'][], ownCookie: string | undefined, fail: Fail): Source[] {
  const kinds = allowed.map((k) => (k === 'bearer' ? 'bearer' : `${k}:NAME`)).join(', ')
  if (!Array.isArray(value) || value.length === 0) fail(`"${where}" must be a list such as ["bearer", "cookie"]; each of ${kinds}${ownCookie === undefined ? '' : ' or "cookie"'}.`)
  return (value as unknown[]).map((entry, index) => {
    const at = `${where}[${index}]`
    if (typeof entry !== 'string') return fail(`"${at}" must be a string: ${kinds}.`)
    const [kind = '', ...rest] = entry.split(':')
    const name = rest.join(':').trim()
    if (!(allowed as readonly string[]).includes(kind)) fail(`"${at}" is "${entry}"; this value can come from ${kinds}.`)
    if (kind === 'bearer') {
      if (name !== '') fail(`"${at}" is "${entry}": write just "bearer" (Authorization: Bearer, RFC 6750 §2.1).`)
      return { from: 'bearer' }
    }
    if (name === '') {
      if (kind === 'cookie' && ownCookie !== undefined) return { from: 'cookie', name: ownCookie }
      fail(`"${at}" needs a name, e.g. "${kind}:${kind === 'header' ? 'x-auth-token' : kind === 'cookie' ? 'session' : 'refresh'}"${kind === 'cookie' ? ' (or define the cookie under "cookies")' : ''}.`)
    }
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) fail(`"${at}" names "${name}", which is not a valid ${kind} name (RFC 9110 §5.1 token).`)
    return { from: kind as 'cookie' | 'header' | 'body', name: kind === 'header' ? name.toLowerCase() : name }
  })
}

/** Body field names: one name or a list tried in order (`["email", "user"]`). */
export function parseFields(value: unknown, where: string, fail: Fail): string[] {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === 'string' && v !== '')) {
    fail(`"${where}" must be a body field name such as "email", or a list of them tried in order.`)
  }
  return [...(list as string[])]
}

const ERROR_KEYS = new Set(['body', 'status', 'messages', 'codes'])
const DEFAULT_ERROR_BODY = { error: '{{error}}', message: '{{message}}' }

/** Error settings, compiled; `over` is what they are merged onto (the contract's own, for an operation). */
export function parseErrors(value: unknown, where: string, over: CompiledErrors | undefined, source: string, fail: Fail): CompiledErrors {
  const base: CompiledErrors = over ?? { body: compileTemplate(DEFAULT_ERROR_BODY, where, ERROR_SCOPE, source), status: {}, messages: {}, codes: {} }
  if (value === undefined) return base
  if (!isObject(value)) fail(`"${where}" must be an object with any of body, status, messages, codes.`)
  for (const key of Object.keys(value)) if (!ERROR_KEYS.has(key)) fail(`"${where}.${key}" is not an error setting; use body, status, messages or codes.`)
  const out: CompiledErrors = {
    body: value.body === undefined ? base.body : compileTemplate(value.body, `${where}.body`, ERROR_SCOPE, source),
    status: { ...base.status },
    messages: { ...base.messages },
    codes: { ...base.codes },
  }
  for (const key of ['status', 'messages', 'codes'] as const) {
    const table = value[key]
    if (table === undefined) continue
    if (!isObject(table)) fail(`"${where}.${key}" must be an object keyed by error code, e.g. {"invalid_credentials": ${key === 'status' ? '400' : '"..."'}}.`)
    for (const [code, entry] of Object.entries(table)) {
      if (!isAuthErrorCode(code)) fail(`"${where}.${key}.${code}" is not an error code; use one of ${Object.keys(AUTH_ERRORS).join(', ')}.`)
      if (key === 'status') {
        if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 400 || entry > 599) fail(`"${where}.status.${code}" must be an HTTP error status from 400 to 599.`)
        out.status[code] = entry
      } else {
        if (typeof entry !== 'string') fail(`"${where}.${key}.${code}" must be a string.`)
        out[key][code] = entry
      }
    }
  }
  return out
}
