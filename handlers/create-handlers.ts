import type { HttpHandler } from 'msw'
import { errorResult, MockAuthError, WELL_KNOWN_JWKS_PATH, type AuthResult, type Engine, type Mount } from '../src/core/kernel.js'
import { toAuthRequest } from './auth-request.js'
import { BrowserCookieJar } from './browser-cookie-jar.js'
import { carriesCredentials, domRequestCookies } from './dom-cookies.js'
import { parseBaseUrl } from './base-url.js'
import type { MswKit } from './msw-kit.js'
import { safeHandlerClass } from './safe-handler.js'
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
 * One msw handler per route of the engine's dialect (its table's order; `:param` segments as msw
 * params), then each injected protocol's routes, then the JWKS at the origin's
 * `/.well-known/jwks.json`, then a catch-all per protocol mount (none for one with `onlyOwnRoutes`, a contract) and last the one answering 404
 * `not_found` under the base path. Nothing here knows a dialect: a new one needs no change. Every
 * handler matches every method (`SafeHttpHandler`, as `http.all`): the engine decides 405 + `Allow`, exactly as the server does.
 */
export function createHandlersWith(kit: MswKit, engine: Engine, options: HandlerOptions = {}): HttpHandler[] {
  const parsed = parseBaseUrl(options.baseUrl)
  if (parsed.basePath !== engine.config.basePath) {
    throw new MockAuthError(
      'ERR_INVALID_OPTIONS',
      `The baseUrl path "${parsed.basePath}" differs from the engine's base path "${engine.config.basePath}": create the engine with basePath "${parsed.basePath}".`,
    )
  }
  const mode = options.cookieMode ?? detectCookieMode()
  const requestOptions = { mode, namespace: options.namespace }
  // Browser: the page's persisted jar. DOM test environment: one per set of handlers (a scope
  // is another client), see dom-cookies.ts. Node: none, the request's Cookie header is the truth.
  const jar = mode === 'browser' ? options.cookieJar : mode === 'dom' ? (options.cookieJar ?? new BrowserCookieJar()) : undefined
  // msw's `cookies` (browser), or the request's own (DOM), with the engine's cookies from mock-auth's jar.
  const cookiesFor = (request: Request, cookies: Record<string, string>) =>
    !jar ? cookies : mode === 'dom' ? domRequestCookies(request, jar) : jar.merge(cookies, request.url)
  const keep = (request: Request, result: AuthResult) => {
    if (mode !== 'dom') jar?.store(result.cookies)
    else if (carriesCredentials(request)) jar?.store(result.cookies, Date.now(), request.url)
  }
  const answer = async (request: Request, run: () => Promise<AuthResult | null>): Promise<Response | undefined> => {
    let result: AuthResult | null
    try {
      result = await run()
    } catch (error) {
      // The engine answers protocol errors itself; this is a bug or a broken option, still as JSON.
      result = errorResult('server_error', { message: `mock-auth failed to answer: ${error instanceof Error ? error.message : String(error)}` })
    }
    if (result === null) return undefined
    keep(request, result)
    options.onHandled?.()
    return toMswResponseWith(kit, result, mode)
  }

  // Node never reads msw's cookie jar: the request's own Cookie header is the truth there.
  const handlerOptions = { withoutCookieJar: mode !== 'browser' }
  const SafeHttpHandler = safeHandlerClass(kit.HttpHandler)
  const mounts = engine.mounts()
  const dialectMount = mounts[mounts.length - 1] as Mount
  const providers = mounts.slice(0, -1)
  const routesOf = (mount: Mount, base: string) =>
    Object.keys(mount.protocol.routes).map(
      (key) =>
        new SafeHttpHandler(
          routeUrl(base, mount.path, key),
          ({ request, cookies }) => answer(request, () => engine.dispatch(toAuthRequest(request, cookiesFor(request, cookies), requestOptions), key, mount)),
          handlerOptions,
        ),
    )
  const fallback = ({ request, cookies }: { request: Request; cookies: Record<string, string> }) =>
    answer(request, () => engine.fetch(toAuthRequest(request, cookiesFor(request, cookies), requestOptions)))
  const routes = [...routesOf(dialectMount, parsed.baseUrl), ...providers.flatMap((mount) => routesOf(mount, parsed.origin + mount.path))]
  const jwks = new SafeHttpHandler(parsed.origin + WELL_KNOWN_JWKS_PATH, fallback, handlerOptions)
  // Last, so any route above (or a user's `server.use` override) wins.
  const notFound = [...providers, dialectMount]
    .filter((mount) => !mount.protocol.onlyOwnRoutes)
    .map((mount) => new SafeHttpHandler(mount === dialectMount ? `${parsed.baseUrl}/*` : `${parsed.origin}${mount.path}/*`, fallback))
  return [...routes, jwks, ...notFound]
}

function routeUrl(baseUrl: string, basePath: string, path: string): string {
  // With an empty base path the root route would be the bare origin; make it "/" so it stays a path.
  return path === '' && basePath === '' ? `${baseUrl}/` : baseUrl + path
}
