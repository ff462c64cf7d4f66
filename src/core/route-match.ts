import type { Protocol, ProtocolRoute } from './dialect.js'

type Methods = Readonly<Partial<Record<string, ProtocolRoute>>>

/** A route table made ready for matching once, when the engine is made. */
export interface Mount {
  /** Absolute path prefix (the base path for the dialect, `/oidc/google` for a provider). */
  readonly path: string
  readonly protocol: Protocol
  readonly exact: ReadonlyMap<string, Methods>
  readonly patterns: ReadonlyArray<{ key: string; segments: readonly string[]; methods: Methods }>
}

export interface RouteMatch {
  /** The table's key (`/callback/:provider`), what the MSW handler for it passes back. */
  key: string
  methods: Methods
  params: Record<string, string>
}

export function compileMount(path: string, protocol: Protocol): Mount {
  const exact = new Map<string, Methods>()
  const patterns: Array<{ key: string; segments: string[]; methods: Methods }> = []
  for (const [key, methods] of Object.entries(protocol.routes)) {
    if (key.includes('/:')) patterns.push({ key, segments: key.split('/'), methods })
    else exact.set(key, methods)
  }
  return { path, protocol, exact, patterns }
}

/** The route for a path relative to the mount (no trailing slash), exact keys first. */
export function matchRoute(mount: Mount, rest: string): RouteMatch | undefined {
  const methods = mount.exact.get(rest)
  if (methods) return { key: rest, methods, params: {} }
  if (mount.patterns.length === 0) return undefined
  const segments = rest.split('/')
  for (const pattern of mount.patterns) {
    const params = matchSegments(pattern.segments, segments)
    if (params) return { key: pattern.key, methods: pattern.methods, params }
  }
  return undefined
}

/** The params of `rest` for one known key (what `dispatch` gets from a handler), or undefined. */
export function matchKey(mount: Mount, key: string, rest: string): RouteMatch | undefined {
  const methods = mount.exact.get(key)
  if (methods) return key === rest ? { key, methods, params: {} } : undefined
  const pattern = mount.patterns.find((p) => p.key === key)
  const params = pattern ? matchSegments(pattern.segments, rest.split('/')) : undefined
  return pattern && params ? { key, methods: pattern.methods, params } : undefined
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string
    const got = segments[i] as string
    if (want.startsWith(':')) {
      if (got === '') return undefined
      params[want.slice(1)] = got
    } else if (want !== got) return undefined
  }
  return params
}

/** The `Allow` header value for a route (RFC 9110 §10.2.1); a GET route answers HEAD too (§9.3.2). */
export function allowHeader(methods: Methods): string {
  const names = Object.keys(methods)
  if (names.includes('GET') && !names.includes('HEAD')) names.splice(names.indexOf('GET') + 1, 0, 'HEAD')
  return [...names, 'OPTIONS'].join(', ')
}

/** The route a method reaches: its own, or for HEAD the GET route (answered without its body). */
export function routeFor(methods: Methods, method: string): ProtocolRoute | undefined {
  return methods[method] ?? (method === 'HEAD' ? methods.GET : undefined)
}
