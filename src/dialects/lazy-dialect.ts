import type { Dialect, ProtocolRoute, RouteTable } from '../core/index.js'
import type { OperationName } from '../core/index.js'

/**
 * What must be known of a dialect before its modules load: its name, its routes (paths, methods
 * and the operation each performs; the MSW handlers are made one per route from these, at once),
 * the cookies a page's jar keeps for it, and whether it mints its own session cookies.
 * `manifest.ts` holds one per built-in dialect; a test checks it against the dialect itself.
 */
export interface DialectManifest {
  readonly name: string
  readonly routes: Readonly<Record<string, Readonly<Record<string, OperationName | null>>>>
  readonly cookieNames: readonly string[]
  readonly mints: boolean
}

/** A dialect's manifest, read from the dialect itself (what the manifest test compares). */
export function describeDialect(dialect: Dialect): DialectManifest {
  const routes: Record<string, Record<string, OperationName | null>> = {}
  for (const [path, methods] of Object.entries(dialect.routes)) {
    routes[path] = {}
    for (const [method, route] of Object.entries(methods)) routes[path][method] = route?.operation ?? null
  }
  return { name: dialect.name, routes, cookieNames: [...(dialect.cookieNames ?? [])], mints: typeof dialect.mintCookies === 'function' }
}

/**
 * A dialect whose modules load on its first request: `createMockAuth({ dialect: 'next-auth' })`
 * answers synchronously with its handlers, and a test file on the default REST dialect never
 * loads next-auth's or better-auth's code (about 35 modules, a tenth of a second per process on a
 * slow machine). The engine awaits `ready()` before it hands the dialect anything (Protocol.ready);
 * from then on every call goes straight to the loaded dialect.
 */
export function lazyDialect(manifest: DialectManifest, load: () => Promise<Dialect>): Dialect {
  let loaded: Dialect | undefined
  let loading: Promise<void> | undefined
  const ready = () => (loading ??= load().then((dialect) => void (loaded = dialect)))
  const real = (): Dialect => {
    if (loaded) return loaded
    throw new Error(`mock-auth: the ${manifest.name} dialect was used before it loaded (the engine awaits Protocol.ready first)`)
  }
  const routes: Record<string, Record<string, ProtocolRoute>> = {}
  for (const [path, methods] of Object.entries(manifest.routes)) {
    routes[path] = {}
    for (const [method, operation] of Object.entries(methods)) {
      const handle: ProtocolRoute['handle'] = async (ctx) => {
        await ready()
        const route = real().routes[path]?.[method]
        if (!route) throw new Error(`mock-auth: the ${manifest.name} dialect has no ${method} ${path}; its manifest (src/dialects/manifest.ts) is out of date`)
        return route.handle(ctx)
      }
      routes[path][method] = operation === null ? { handle } : { operation, handle }
    }
  }
  const dialect: Dialect = {
    name: manifest.name,
    routes: routes as RouteTable,
    cookieNames: manifest.cookieNames,
    ready,
    encodeError: (error, ctx) => real().encodeError(error, ctx),
  }
  if (manifest.mints) dialect.mintCookies = async (ctx, opened, lifetime) => {
    await ready()
    return (await real().mintCookies?.(ctx, opened, lifetime)) ?? []
  }
  return dialect
}
