import type { HttpHandler } from 'msw'
import { MockAuthError } from '../src/core/errors.js'
import type { AuthResult } from '../src/core/result.js'
import { engineOf, type EngineSource } from './engine-source.js'
import { BrowserCookieJar } from './browser-cookie-jar.js'
import { parseBaseUrl } from './base-url.js'
import type { MswKit } from './msw-kit.js'
import { handlerShape, routeHandlers, type HandlerShape, type RouteAnswer, type RouteTarget } from './route-handlers.js'
import { detectCookieMode, toMswResponseWith, type CookieMode } from './to-msw-response.js'

export interface HandlerOptions {
  /** msw predicate prefix; default `'*\/api/auth'`. Its path must be the engine's base path. */
  baseUrl?: string
  /** The namespace requests run in when they name none (header `x-mock-auth-namespace` or cookie). */
  namespace?: string
  /** How Set-Cookie is materialised; detected by default (see `toMswResponse`). */
  cookieMode?: CookieMode
  /** Called after every answered request, before the response is returned (browser persistence). */
  onHandled?: () => void
  /** Browser mode: mock-auth's own jar for its session cookies (see browser-cookie-jar.ts); DOM mode makes its own. */
  cookieJar?: BrowserCookieJar
}

/**
 * The msw handlers over an engine: `routeHandlers` (route-handlers.ts) made from `shape` (by
 * default the engine's own), each answering through the engine. With a function for `engine`,
 * nothing calls it before the first request a handler answers: the Node entries pass a shape
 * read ahead (handler-shapes.ts) and build the engine then (src/node/create-mock-auth.ts).
 */
export function createHandlersWith(kit: MswKit, engine: EngineSource, options: HandlerOptions = {}, shape: HandlerShape = handlerShape(engineOf(engine))): HttpHandler[] {
  const parsed = parseBaseUrl(options.baseUrl)
  if (parsed.basePath !== shape.basePath) {
    throw new MockAuthError(
      'ERR_INVALID_OPTIONS',
      `The baseUrl path "${parsed.basePath}" differs from the engine's base path "${shape.basePath}": create the engine with basePath "${parsed.basePath}".`,
    )
  }
  const mode = options.cookieMode ?? detectCookieMode()
  const requestOptions = { mode, namespace: options.namespace }
  // Browser: the page's persisted jar. DOM test environment: one per set of handlers (a scope
  // is another client), see dom-cookies.ts. Node: none, the request's Cookie header is the truth.
  const jar = mode === 'browser' ? options.cookieJar : mode === 'dom' ? (options.cookieJar ?? new BrowserCookieJar()) : undefined
  // What only a request needs (the request's cookies, the DOM jar's rules, error results) loads
  // with the first one: a test file that sets mock-auth up and sends nothing never loads it.
  let requestSide: Promise<RequestSide> | undefined
  const loadRequestSide = () => (requestSide ??= loadRequestModules())
  const run = (side: RequestSide, request: Request, cookies: Record<string, string>, target: RouteTarget | null): Promise<AuthResult | null> => {
    const real = engineOf(engine)
    // msw's `cookies` (browser), or the request's own (DOM), with the engine's cookies from mock-auth's jar.
    const sent = !jar ? cookies : mode === 'dom' ? side.domRequestCookies(request, jar) : jar.merge(cookies, request.url)
    const auth = side.toAuthRequest(request, sent, requestOptions)
    const mount = target === null ? undefined : real.mounts()[target.mount]
    // The shape read ahead names the engine's mounts in its order (a test keeps them equal); on any
    // difference the engine routes the request itself, which answers the same.
    if (target === null || mount === undefined || mount.path !== shape.mounts[target.mount]?.path) return real.fetch(auth)
    return real.dispatch(auth, target.key, mount)
  }
  const answer: RouteAnswer = async (request, cookies, target) => {
    const side = await loadRequestSide()
    let result: AuthResult | null
    try {
      result = await run(side, request, cookies, target)
    } catch (error) {
      // The engine answers protocol errors itself; this is a bug or a broken option, still as JSON.
      result = side.errorResult('server_error', { message: `mock-auth failed to answer: ${error instanceof Error ? error.message : String(error)}` })
    }
    if (result === null) return undefined
    if (mode !== 'dom') jar?.store(result.cookies)
    else if (side.carriesCredentials(request)) jar?.store(result.cookies, Date.now(), request.url)
    options.onHandled?.()
    return toMswResponseWith(kit, result, mode)
  }
  // Node never reads msw's cookie jar: the request's own Cookie header is the truth there.
  return routeHandlers(kit, shape, parsed, answer, mode !== 'browser')
}


interface RequestSide {
  toAuthRequest: typeof import('./auth-request.js').toAuthRequest
  domRequestCookies: typeof import('./dom-cookies.js').domRequestCookies
  carriesCredentials: typeof import('./dom-cookies.js').carriesCredentials
  errorResult: typeof import('../src/core/result.js').errorResult
}

async function loadRequestModules(): Promise<RequestSide> {
  const [request, dom, result] = await Promise.all([import('./auth-request.js'), import('./dom-cookies.js'), import('../src/core/result.js')])
  return { toAuthRequest: request.toAuthRequest, domRequestCookies: dom.domRequestCookies, carriesCredentials: dom.carriesCredentials, errorResult: result.errorResult }
}
