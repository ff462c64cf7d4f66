import { errorResult, headResult, isMockAuthError, namespaceOf, pathnameOf, type AuthRequest, type AuthResult, type Engine } from '../core/kernel.js'
import { parseBody } from '../core/parse-body.js'
import { mediaType } from '../core/request.js'
import type { BodyFields } from '../core/parse-body.js'
import { CONTROL_ROUTES, matchParamRoute } from './control/routes.js'
import { isLocalOrigin } from './cors.js'

/** Where the control API lives: outside any base path, and never touched by scenarios. */
export const CONTROL_PREFIX = '/__mock-auth'

/** The paths of the control API, for help texts. */
export const CONTROL_PATHS: readonly string[] = Object.keys(CONTROL_ROUTES).map((path) => `${CONTROL_PREFIX}${path}`)

export interface ControlOptions {
  /** Origins whose pages may call the control API: the server's CORS list (default: any local development origin). */
  allowOrigin?: (origin: string) => boolean
}

/** Methods that carry no body to read (RFC 9110 §9.3). */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The control API as a pure function: null when the request is not under `/__mock-auth`, else the
 * answer. Every call runs in the namespace named by the `x-mock-auth-namespace` header (or the
 * `mock-auth-namespace` cookie), so parallel tests steer only their own state. The handlers live
 * in `control/`, one concept each.
 *
 * Any web page the developer opens can send requests to 127.0.0.1, so the control API (reset, the
 * clock, minting a signed-in session) refuses what a foreign page can send: a request whose
 * `Origin` is not an allowed origin is 403 `forbidden_origin` before anything runs, and a body
 * must be JSON (415 otherwise). An HTML form can only post form-encoded, multipart or text/plain
 * bodies, and a cross-site `fetch` with a JSON body needs a CORS preflight, which only allowed
 * origins pass.
 */
export async function handleControl(engine: Engine, request: AuthRequest, options: ControlOptions = {}): Promise<AuthResult | null> {
  const result = await answerControl(engine, request, options)
  // HEAD is GET without the body (RFC 9110 §9.3.2), errors included.
  return result !== null && request.method.toUpperCase() === 'HEAD' ? headResult(result) : result
}

/**
 * 403 `forbidden_origin` for an `Origin` that is not allowed, else null: every control route,
 * the event stream too (a foreign page could not read it, but it could hold the server's few
 * stream slots and starve the developer's dashboard).
 */
export function foreignOrigin(origin: string | null | undefined, options: ControlOptions = {}): AuthResult | null {
  if (origin === null || origin === undefined || (options.allowOrigin ?? isLocalOrigin)(origin)) return null
  return errorResult('forbidden_origin', {
    message: `The control API refuses calls from the origin ${JSON.stringify(origin)}: only the allowed (CORS) origins may reset state, move the clock, mint tokens or follow the journal. Add it with --cors-origin if it is yours.`,
  })
}

async function answerControl(engine: Engine, request: AuthRequest, options: ControlOptions): Promise<AuthResult | null> {
  const pathname = pathnameOf(request.url)
  if (pathname !== CONTROL_PREFIX && !pathname.startsWith(`${CONTROL_PREFIX}/`)) return null
  const refused = foreignOrigin(request.headers.get('origin'), options)
  if (refused) return refused
  const path = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')
  const param = Object.hasOwn(CONTROL_ROUTES, path) ? undefined : matchParamRoute(path)
  const key = param?.key ?? path
  const methods = Object.hasOwn(CONTROL_ROUTES, key) ? CONTROL_ROUTES[key] : undefined
  if (!methods) {
    return errorResult('not_found', { message: `No control route ${pathname}. Control routes: ${CONTROL_PATHS.join(', ')}.` })
  }
  const method = request.method.toUpperCase()
  const names = Object.keys(methods)
  // As the engine's `allowHeader`: a GET route answers HEAD too (RFC 9110 §9.3.2).
  const allow = [...names.flatMap((name) => (name === 'GET' ? ['GET', 'HEAD'] : [name])), 'OPTIONS'].join(', ')
  if (method === 'OPTIONS') return { status: 204, headers: { allow, 'cache-control': 'no-store' }, cookies: [], body: null }
  const lookup = method === 'HEAD' ? 'GET' : method
  const handler = Object.hasOwn(methods, lookup) ? methods[lookup] : undefined
  if (!handler) {
    return errorResult('method_not_allowed', { message: `${method} is not allowed on ${pathname}; use ${names.join(' or ')}.`, headers: { allow } })
  }
  let fields = Object.create(null) as BodyFields
  if (!BODYLESS.has(method)) {
    const body = await jsonBody(request)
    if (!body.ok) return body.result
    fields = body.fields
  }
  const state = engine.namespace(namespaceOf(request))
  try {
    return await handler({ engine, request, state, fields, ...(param === undefined ? {} : { param: param.value }) })
  } catch (error) {
    // A full store is 507 naming the option; other bad values (a duration, a date, a user) are the
    // caller's mistake: 400 with the sentence.
    if (isMockAuthError(error)) return errorResult(error.code === 'ERR_LIMIT_EXCEEDED' ? 'limit_exceeded' : 'invalid_request', { message: error.message })
    throw error
  }
}

/** A control body: JSON or nothing; form-encoded, text/plain and any other type answer 415. */
async function jsonBody(request: AuthRequest): Promise<{ ok: true; fields: BodyFields } | { ok: false; result: AuthResult }> {
  const type = mediaType(request)
  const json = type === 'application/json' || type.endsWith('+json')
  const refused = errorResult('unsupported_media_type', {
    message: `Control calls take JSON only (got ${type === '' ? 'a body without Content-Type' : `Content-Type "${type}"`}): send Content-Type: application/json, or no body at all.`,
  })
  if (type !== '' && !json) return { ok: false, result: refused }
  const parsed = await parseBody(request)
  if (!parsed.ok) return parsed.result.status === 415 ? { ok: false, result: refused } : parsed
  return parsed
}
