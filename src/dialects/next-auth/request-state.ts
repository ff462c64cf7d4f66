import { parseBody, type AuthResult, type BodyFields, type RouteContext } from '../../core/index.js'
import type { NextAuthKit } from './context.js'
import { setCookie, type CookieNames } from './cookies.js'
import { randomHex } from './jwe.js'

/** What next-auth's `init()` works out for every request before any action runs. */
export interface NextAuthRequest {
  /** The app's origin (publicUrl, forwarded headers, or the request's). */
  origin: string
  /** `origin + basePath`: next-auth's `options.url`. */
  base: string
  names: CookieNames
  fields: BodyFields
  csrfToken: string
  /** A POST whose body `csrfToken` matches a cookie whose hash verifies (double submit). */
  csrfVerified: boolean
  callbackUrl: string
  /** Set-Cookie lines `init()` adds to every answer: a fresh CSRF cookie, a changed callback URL. */
  cookies: string[]
}

/**
 * next-auth's `init()`: the CSRF token (reused when the cookie's `token|sha256(token + secret)`
 * verifies, else a new one and its cookie, even on `GET /session`) and the callback URL (body,
 * then query, then cookie, kept only when it is relative or on the app's origin: the default
 * `redirect` callback).
 */
export async function readNextAuthRequest(ctx: RouteContext, kit: Pick<NextAuthKit, 'csrf' | 'names' | 'origins'>): Promise<{ ok: true; req: NextAuthRequest } | { ok: false; result: AuthResult }> {
  const request = ctx.request
  // A bodyless request (every `GET /session`) is what parseBody would make of it, `{}`, without its
  // awaits; a Content-Length on one still goes through parseBody (a declared size over the limit is a 413).
  let fields: BodyFields
  if (request.body === null && request.headers.get('content-length') === null) fields = Object.create(null) as BodyFields
  else {
    const parsed = await parseBody(request)
    if (!parsed.ok) return parsed
    fields = parsed.fields
  }
  const origin = kit.origins.of(request, ctx.config.publicOrigin)
  const names = origin.startsWith('https:') ? kit.names.https : kit.names.http
  const cookies: string[] = []
  const isPost = request.method.toUpperCase() === 'POST'

  let csrfToken: string | undefined
  let csrfVerified = false
  const csrfCookie = ctx.cookies[names.csrfToken]
  if (csrfCookie) {
    const [token = '', hash] = csrfCookie.split('|')
    // A token whose hash is remembered needs no await (a microtask per request otherwise).
    if (hash !== undefined && hash === (kit.csrf.known(token) ?? (await kit.csrf.hash(token)))) {
      csrfToken = token
      csrfVerified = isPost && typeof fields.csrfToken === 'string' && fields.csrfToken === token
    }
  }
  if (csrfToken === undefined) {
    csrfToken = randomHex(32)
    cookies.push(setCookie(names, names.csrfToken, `${csrfToken}|${await kit.csrf.hash(csrfToken)}`))
  }

  const param = typeof fields.callbackUrl === 'string' ? fields.callbackUrl : queryParam(request.url, origin, 'callbackUrl')
  const fromCookie = ctx.cookies[names.callbackUrl]
  const wanted = param || fromCookie
  const callbackUrl = wanted ? allowedRedirect(wanted, origin) : origin
  if (callbackUrl !== fromCookie) cookies.push(setCookie(names, names.callbackUrl, callbackUrl))

  return { ok: true, req: { origin, base: origin + ctx.config.basePath, names, fields, csrfToken, csrfVerified, callbackUrl, cookies } }
}

/** next-auth's default `redirect` callback: relative URLs join the origin, other origins fall back to it. */
export function allowedRedirect(url: string, origin: string): string {
  // The origin itself (a client's usual callbackUrl) is kept either way: no URL to parse.
  if (url === origin) return url
  if (url.startsWith('/')) return `${origin}${url}`
  try {
    return new URL(url).origin === origin ? url : origin
  } catch {
    return origin
  }
}

/** A query parameter of the request URL; most requests (every `/session` read) have no query to parse. */
function queryParam(url: string, origin: string, name: string): string | undefined {
  if (!url.includes('?')) return undefined
  try {
    return new URL(url, origin).searchParams.get(name) ?? undefined
  } catch {
    return undefined
  }
}
