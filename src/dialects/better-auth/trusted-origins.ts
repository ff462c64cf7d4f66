import type { AuthRequest } from '../../core/index.js'
import { betterAuthError } from './errors.js'
import type { AuthResult } from '../../core/index.js'

/** Which origins better-auth trusts: a list (exact origins) or a predicate; the request's own origin always is. */
export type TrustedOrigins = readonly string[] | ((origin: string) => boolean)

/** Local development origins, any port: what mock-auth's CORS allows by default. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

export function trustMatcher(trusted: TrustedOrigins | undefined): (origin: string, request: AuthRequest) => boolean {
  const own = (origin: string, request: AuthRequest) => {
    try {
      return new URL(request.url).origin === origin
    } catch {
      return false
    }
  }
  if (trusted === undefined) return (origin, request) => LOCAL_ORIGIN.test(origin) || own(origin, request)
  if (typeof trusted === 'function') return (origin, request) => trusted(origin) || own(origin, request)
  const set = new Set(trusted.map((o) => o.trim().replace(/\/+$/, '')))
  return (origin, request) => set.has(origin) || own(origin, request)
}

const refuse = (code: string, message: string) => betterAuthError(403, code, message)

/**
 * better-auth's CSRF defence, kept exactly where better-auth applies it (`origin-check.mjs`,
 * better-auth 1.7): for a POST carrying a Cookie header the Origin (else Referer) must be trusted;
 * a sign-in or sign-up carrying any `Sec-Fetch-*` header is checked even without cookies, and a
 * cross-site navigation is refused outright (a login CSRF). A request the real backend accepts,
 * such as curl with neither cookies nor an Origin, is accepted here too. Null when it passes.
 */
export function checkOrigin(request: AuthRequest, trusted: (origin: string, request: AuthRequest) => boolean, firstLogin: boolean): AuthResult | null {
  const method = request.method.toUpperCase()
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null
  const headers = request.headers
  let force = false
  if (firstLogin && headers.get('cookie') === null) {
    const site = headers.get('sec-fetch-site')?.trim()
    const mode = headers.get('sec-fetch-mode')?.trim()
    const dest = headers.get('sec-fetch-dest')?.trim()
    if (!site && !mode && !dest) return null
    if (site === 'cross-site' && mode === 'navigate') {
      return refuse('CROSS_SITE_NAVIGATION_LOGIN_BLOCKED', 'Cross-site navigation login blocked. This request appears to be a CSRF attack.')
    }
    force = true
  }
  if (!force && headers.get('cookie') === null) return null
  const origin = headers.get('origin') || headers.get('referer') || ''
  if (!origin || origin === 'null') return refuse('MISSING_OR_NULL_ORIGIN', 'Missing or null Origin')
  let normalized: string
  try {
    normalized = new URL(origin).origin
  } catch {
    return refuse('INVALID_ORIGIN', 'Invalid origin')
  }
  return trusted(normalized, request) ? null : refuse('INVALID_ORIGIN', 'Invalid origin')
}

/**
 * better-auth's callback URL check: relative paths, or absolute URLs on a trusted origin; else 403
 * with the field's own code (`INVALID_CALLBACK_URL`...).
 */
export function checkCallbackUrl(value: unknown, field: 'callbackURL' | 'errorCallbackURL' | 'newUserCallbackURL', request: AuthRequest, trusted: (origin: string, request: AuthRequest) => boolean): AuthResult | null {
  if (value === undefined || value === null || value === '') return null
  const code = `INVALID_${field.replace(/URL$/, '').replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_URL`
  if (typeof value !== 'string') return betterAuthError(400, 'VALIDATION_ERROR', `Invalid ${field}: expected a string`)
  if (value.startsWith('/') && !value.startsWith('//')) return null
  try {
    if (trusted(new URL(value).origin, request)) return null
  } catch {
    // not a URL at all: refused below
  }
  return betterAuthError(403, code, `Invalid ${field}`)
}
