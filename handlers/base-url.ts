import { normalizeBasePath } from '../src/core/base-path.js'
import { MockAuthError } from '../src/core/errors.js'

export const DEFAULT_BASE_URL = '*/api/auth'

export interface ParsedBaseUrl {
  /** The msw predicate prefix, without a trailing slash: `*\/api/auth`, `http://localhost:3000/api/auth`. */
  baseUrl: string
  /** The engine's base path: `/api/auth`. */
  basePath: string
  /** Everything before the base path (`*`, `http://localhost:3000`, or `` for a relative URL). */
  origin: string
}

/**
 * Splits an msw-style base URL into the engine's base path and the origin part, so the handlers
 * match exactly what the engine routes: `'*\/api/auth'` → `/api/auth`, `'http://localhost:3000/api/auth'`
 * → `/api/auth`, `'/api/auth'` → `/api/auth` (relative URLs only match in a page, where msw knows
 * `location`).
 */
export function parseBaseUrl(input: string = DEFAULT_BASE_URL): ParsedBaseUrl {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid baseUrl ${JSON.stringify(input)}: use e.g. "*/api/auth" or "http://localhost:3000/api/auth".`)
  }
  const trimmed = input.trim().replace(/\/+$/, '')
  if (/[?#]/.test(trimmed)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid baseUrl "${input}": it must not contain a query or a fragment.`)
  }
  let origin: string
  let path: string
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(trimmed)
  if (scheme) {
    origin = scheme[0]
    path = trimmed.slice(origin.length)
  } else if (trimmed.startsWith('*')) {
    const slash = trimmed.indexOf('/')
    origin = slash === -1 ? trimmed : trimmed.slice(0, slash)
    path = slash === -1 ? '' : trimmed.slice(slash)
  } else {
    origin = ''
    path = trimmed
  }
  if (path.includes('*') || path.includes(':')) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid baseUrl "${input}": wildcards and parameters are only allowed before the path, as in "*/api/auth".`)
  }
  const basePath = normalizeBasePath(path)
  return { baseUrl: origin + basePath, basePath, origin }
}

/**
 * The base URL of a surface's options. A contract's routes carry their own absolute paths, so
 * with one `baseUrl` is only the origin the app calls (default `*`, any origin).
 */
export function resolveBaseUrl(options: { baseUrl?: string | undefined; contract?: unknown }): ParsedBaseUrl {
  if (options.contract === undefined) return parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
  const parsed = parseBaseUrl(options.baseUrl ?? '*')
  if (parsed.basePath !== '') {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `With a contract, baseUrl is only the origin the app calls, e.g. "*" or "http://localhost:3000": the contract's routes carry their own paths (got "${String(options.baseUrl)}").`)
  }
  return parsed
}
