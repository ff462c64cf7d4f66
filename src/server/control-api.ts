import {
  errorResult,
  isMockAuthError,
  jsonResult,
  mintTokens,
  namespaceOf,
  pathnameOf,
  unknownScenarioResult,
  type AuthRequest,
  type AuthResult,
  type Engine,
  type MintOptions,
  type NamespaceState,
} from '../core/index.js'
import { parseBody, type BodyFields } from '../core/parse-body.js'

/** Where the control API lives: outside any base path, and never touched by scenarios. */
export const CONTROL_PREFIX = '/__mock-auth'

type Handler = (ctx: ControlContext) => Promise<AuthResult> | AuthResult
interface ControlContext {
  engine: Engine
  request: AuthRequest
  state: NamespaceState
}

/** Each control path and the handler for each method it allows. */
const ROUTES: Record<string, Record<string, Handler>> = {
  '/health': { GET: () => jsonResult(200, { status: 'ok' }) },
  '/scenarios': {
    GET: ({ engine }) => jsonResult(200, [...engine.config.scenarios.values()].map(({ name, description }) => ({ name, description }))),
  },
  '/scenario': { GET: ({ state }) => scenarioBody(state), PUT: putScenario },
  '/reset': {
    POST: ({ state }) => {
      state.reset()
      return jsonResult(200, { status: 'reset', namespace: state.name, scenario: state.scenario.name })
    },
  },
  '/clock': { GET: ({ state }) => clockBody(state), POST: postClock },
  '/token': { POST: postToken },
  '/state': { GET: ({ state }) => jsonResult(200, state.summary()) },
}

/** The paths of the control API, for help texts. */
export const CONTROL_PATHS: readonly string[] = Object.keys(ROUTES).map((path) => `${CONTROL_PREFIX}${path}`)

/**
 * The control API as a pure function: null when the request is not under `/__mock-auth`, else the
 * answer. Every call runs in the namespace named by the `x-mock-auth-namespace` header (or the
 * `mock-auth-namespace` cookie), so parallel tests steer only their own state.
 */
export async function handleControl(engine: Engine, request: AuthRequest): Promise<AuthResult | null> {
  const pathname = pathnameOf(request.url)
  if (pathname !== CONTROL_PREFIX && !pathname.startsWith(`${CONTROL_PREFIX}/`)) return null
  const path = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')
  const methods = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined
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
    return await handler({ engine, request, state })
  } catch (error) {
    // Bad values (a duration, a date, a user) are the caller's mistake: 400 with the sentence.
    if (isMockAuthError(error)) return errorResult('invalid_request', { message: error.message })
    throw error
  }
}

function scenarioBody(state: NamespaceState): AuthResult {
  return jsonResult(200, { name: state.scenario.name, description: state.scenario.description })
}

function clockBody(state: NamespaceState): AuthResult {
  return jsonResult(200, { now: new Date(state.clock.now()).toISOString() })
}

async function putScenario({ engine, request, state }: ControlContext): Promise<AuthResult> {
  const fields = await jsonFields(request)
  if (!fields.ok) return fields.result
  const name = fields.value.name
  if (typeof name !== 'string' || name === '') return badRequest('Send {"name": "<scenario>"}, e.g. {"name": "expired"}.')
  if (!engine.config.scenarios.has(name)) return unknownScenarioResult(name, engine.config.scenarios)
  state.use(name)
  return scenarioBody(state)
}

async function postClock({ request, state }: ControlContext): Promise<AuthResult> {
  const fields = await jsonFields(request)
  if (!fields.ok) return fields.result
  const { advance, set } = fields.value
  if ((advance === undefined) === (set === undefined)) {
    return badRequest('Send either {"advance": "15m"} or {"set": "2030-01-01T00:00:00Z"}.')
  }
  if (advance !== undefined) {
    if (typeof advance !== 'string' && typeof advance !== 'number') return badRequest('"advance" must be a duration such as "15m".')
    state.clock.advance(advance)
  } else {
    if (typeof set !== 'string' && typeof set !== 'number') return badRequest('"set" must be an ISO 8601 date such as "2030-01-01T00:00:00Z".')
    state.clock.set(set)
  }
  return clockBody(state)
}

async function postToken({ engine, request, state }: ControlContext): Promise<AuthResult> {
  const fields = await jsonFields(request)
  if (!fields.ok) return fields.result
  const { user, ttl, expired } = fields.value
  if (typeof user !== 'string' || user === '') return badRequest('Send {"user": "<username, email or id>"}, e.g. {"user": "test"}.')
  if (ttl !== undefined && typeof ttl !== 'string' && typeof ttl !== 'number') return badRequest('"ttl" must be a duration such as "1h".')
  if (expired !== undefined && typeof expired !== 'boolean') return badRequest('"expired" must be true or false.')
  const options: MintOptions = { user, namespace: state.name }
  if (ttl !== undefined) options.ttl = ttl
  if (expired !== undefined) options.expired = expired
  return mintTokens(engine, options)
}

/** The JSON body through the core's parser (100 KB limit, 415, depth and `__proto__` safety). */
async function jsonFields(request: AuthRequest): Promise<{ ok: true; value: BodyFields } | { ok: false; result: AuthResult }> {
  const parsed = await parseBody(request)
  return parsed.ok ? { ok: true, value: parsed.fields } : parsed
}

function badRequest(message: string): AuthResult {
  return errorResult('invalid_request', { message })
}
