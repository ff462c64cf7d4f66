import { errorResult, isMockAuthError, namespaceOf, pathnameOf, type AuthRequest, type AuthResult, type Engine } from '../core/index.js'
import { CONTROL_ROUTES, matchParamRoute } from './control/routes.js'

/** Where the control API lives: outside any base path, and never touched by scenarios. */
export const CONTROL_PREFIX = '/__mock-auth'

/** The paths of the control API, for help texts. */
export const CONTROL_PATHS: readonly string[] = Object.keys(CONTROL_ROUTES).map((path) => `${CONTROL_PREFIX}${path}`)

/**
 * The control API as a pure function: null when the request is not under `/__mock-auth`, else the
 * answer. Every call runs in the namespace named by the `x-mock-auth-namespace` header (or the
 * `mock-auth-namespace` cookie), so parallel tests steer only their own state. The handlers live
 * in `control/`, one concept each.
 */
export async function handleControl(engine: Engine, request: AuthRequest): Promise<AuthResult | null> {
  const pathname = pathnameOf(request.url)
  if (pathname !== CONTROL_PREFIX && !pathname.startsWith(`${CONTROL_PREFIX}/`)) return null
  const path = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')
  const param = Object.hasOwn(CONTROL_ROUTES, path) ? undefined : matchParamRoute(path)
  const key = param?.key ?? path
  const methods = Object.hasOwn(CONTROL_ROUTES, key) ? CONTROL_ROUTES[key] : undefined
  if (!methods) {
    return errorResult('not_found', { message: `No control route ${pathname}. Control routes: ${CONTROL_PATHS.join(', ')}.` })
  }
  const method = request.method.toUpperCase()
  const allow = [...Object.keys(methods), 'OPTIONS'].join(', ')
  if (method === 'OPTIONS') return { status: 204, headers: { allow, 'cache-control': 'no-store' }, cookies: [], body: null }
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined
  if (!handler) {
    return errorResult('method_not_allowed', { message: `${method} is not allowed on ${pathname}; use ${Object.keys(methods).join(' or ')}.`, headers: { allow } })
  }
  const state = engine.namespace(namespaceOf(request))
  try {
    return await handler({ engine, request, state, ...(param === undefined ? {} : { param: param.value }) })
  } catch (error) {
    // Bad values (a duration, a date, a user) are the caller's mistake: 400 with the sentence.
    if (isMockAuthError(error)) return errorResult('invalid_request', { message: error.message })
    throw error
  }
}
