import type { HttpHandler } from 'msw'
import type { Engine } from '../src/core/engine.js'
import { WELL_KNOWN_JWKS_PATH } from '../src/core/wire-names.js'
import type { ParsedBaseUrl } from './base-url.js'
import type { MswKit } from './msw-kit.js'
import { safeHandlerClass } from './safe-handler.js'

/** One mount as the handlers see it: its path and its routes' keys, in the engine's order. */
export interface MountShape {
  readonly path: string
  readonly routes: readonly string[]
  /** A contract answers only its own routes: no catch-all for it. */
  readonly onlyOwnRoutes: boolean
}

/**
 * What the msw handlers are made from, and nothing else: the engine's mounts (the providers
 * first, the dialect last) and the dialect's cookie names. Read from a built engine, or, in the
 * Node entries, from handler-shapes.ts before the engine loads (a test keeps the two equal).
 */
export interface HandlerShape {
  readonly basePath: string
  readonly cookieNames: readonly string[]
  readonly mounts: readonly MountShape[]
}

/** A route of `shape.mounts[mount]`, or `null` for a request the engine routes itself (JWKS, catch-alls). */
export interface RouteTarget {
  readonly mount: number
  readonly key: string
}

export type RouteAnswer = (request: Request, cookies: Record<string, string>, target: RouteTarget | null) => Promise<Response | undefined>

export function handlerShape(engine: Engine): HandlerShape {
  return {
    basePath: engine.config.basePath,
    cookieNames: [...(engine.dialect.cookieNames ?? [])],
    mounts: engine.mounts().map((mount) => ({ path: mount.path, routes: Object.keys(mount.protocol.routes), onlyOwnRoutes: mount.protocol.onlyOwnRoutes === true })),
  }
}

/**
 * One msw handler per route of the dialect (its table's order; `:param` segments as msw params),
 * then each injected protocol's routes, then the JWKS at the origin's `/.well-known/jwks.json`,
 * then a catch-all per mount (none for one with `onlyOwnRoutes`, a contract) and last the one
 * under the base path. Every handler matches every method (`SafeHttpHandler`, as `http.all`):
 * the engine decides 405 + `Allow`, exactly as the server does. Nothing here knows a dialect.
 */
export function routeHandlers(kit: MswKit, shape: HandlerShape, parsed: ParsedBaseUrl, answer: RouteAnswer, withoutCookieJar: boolean): HttpHandler[] {
  // msw's RequestHandler constructor reads `new Error().stack` to note where the handler was
  // declared (`info.callFrame`, for printing handlers): here always a line inside mock-auth, yet
  // formatting the stack (through a test runner's source maps) is most of what 40 handlers cost
  // to make. Without frames msw notes none. V8's limit, restored before anything else runs.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return makeHandlers(kit, shape, parsed, answer, withoutCookieJar)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function makeHandlers(kit: MswKit, shape: HandlerShape, parsed: ParsedBaseUrl, answer: RouteAnswer, withoutCookieJar: boolean): HttpHandler[] {
  const SafeHttpHandler = safeHandlerClass(kit.HttpHandler)
  const handlerOptions = { withoutCookieJar }
  const dialect = shape.mounts.length - 1
  const routesOf = (index: number, base: string) => {
    const mount = shape.mounts[index] as MountShape
    return mount.routes.map(
      (key) => new SafeHttpHandler(routeUrl(base, mount.path, key), ({ request, cookies }) => answer(request, cookies, { mount: index, key }), handlerOptions),
    )
  }
  const fallback = ({ request, cookies }: { request: Request; cookies: Record<string, string> }) => answer(request, cookies, null)
  const providers = shape.mounts.slice(0, -1).map((_, index) => index)
  const routes = [...routesOf(dialect, parsed.baseUrl), ...providers.flatMap((index) => routesOf(index, parsed.origin + (shape.mounts[index] as MountShape).path))]
  const jwks = new SafeHttpHandler(parsed.origin + WELL_KNOWN_JWKS_PATH, fallback, handlerOptions)
  // Last, so any route above (or a user's `server.use` override) wins.
  const notFound = [...providers, dialect]
    .filter((index) => !(shape.mounts[index] as MountShape).onlyOwnRoutes)
    .map((index) => new SafeHttpHandler(index === dialect ? `${parsed.baseUrl}/*` : `${parsed.origin}${(shape.mounts[index] as MountShape).path}/*`, fallback))
  return [...routes, jwks, ...notFound]
}

function routeUrl(baseUrl: string, basePath: string, path: string): string {
  // With an empty base path the root route would be the bare origin; make it "/" so it stays a path.
  return path === '' && basePath === '' ? `${baseUrl}/` : baseUrl + path
}
