import { BoundedMap, publicOrigin, type AuthRequest } from '../../core/index.js'

/** Distinct origins remembered: a test run talks to the mock under one or two names. */
const REMEMBERED = 64

/**
 * `publicOrigin` remembered per request origin: next-auth works out its `options.url` on every
 * request, and `new URL()` was the largest single cost of a `/session` read's own code. The
 * answer depends only on what precedes the URL's path (scheme, authority: the URL parser ends
 * the authority at the first `/`) and the two forwarded headers, so that is the key, and a hit
 * returns exactly what `publicOrigin` would. A URL without `//` is not remembered.
 */
export class OriginMemo {
  readonly #origins = new BoundedMap<{ origin: string; expiresAt: number }>(REMEMBERED)

  of(request: AuthRequest, configured: string | undefined): string {
    if (configured !== undefined) return configured
    const url = request.url
    const authority = url.indexOf('//')
    if (authority < 0) return publicOrigin(request, undefined)
    const path = url.indexOf('/', authority + 2)
    const host = request.headers.get('x-forwarded-host')
    const proto = host === null ? null : request.headers.get('x-forwarded-proto')
    const key = `${path < 0 ? url : url.slice(0, path)}\n${host ?? ''}\n${proto ?? ''}`
    const known = this.#origins.get(key, 0)
    if (known !== undefined) return known.origin
    const origin = publicOrigin(request, undefined)
    this.#origins.set(key, { origin, expiresAt: Number.POSITIVE_INFINITY })
    return origin
  }
}
