import { parseBody, publicOrigin, type AuthResult, type BodyFields, type RouteContext } from '../../core/index.js'
import { cookieNames, setCookie, type CookieNames } from './cookies.js'
import type { CsrfHasher } from './csrf-hash.js'
import { randomHex } from './jwe.js'
import type { NextAuthWire } from './wire.js'

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
export async function readNextAuthRequest(ctx: RouteContext, wire: NextAuthWire, csrf: CsrfHasher): Promise<{ ok: true; req: NextAuthRequest } | { ok: false; result: AuthResult }> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed
  const fields = parsed.fields
  const origin = publicOrigin(ctx.request, ctx.config.publicOrigin)
  const names = cookieNames(wire, origin.startsWith('https:'))
  const cookies: string[] = []
  const isPost = ctx.request.method.toUpperCase() === 'POST'

  let csrfToken: string | undefined
  let csrfVerified = false
  const csrfCookie = ctx.cookies[names.csrfToken]
  if (csrfCookie) {
    const [token = '', hash] = csrfCookie.split('|')
    if (hash !== undefined && hash === (await csrf.hash(token))) {
      csrfToken = token
      csrfVerified = isPost && typeof fields.csrfToken === 'string' && fields.csrfToken === token
    }
  }
  if (csrfToken === undefined) {
    csrfToken = randomHex(32)
    cookies.push(setCookie(names, names.csrfToken, `${csrfToken}|${await csrf.hash(csrfToken)}`))
  }

  const param = typeof fields.callbackUrl === 'string' ? fields.callbackUrl : queryParam(ctx.request.url, origin, 'callbackUrl')
  const fromCookie = ctx.cookies[names.callbackUrl]
  const wanted = param || fromCookie
  const callbackUrl = wanted ? allowedRedirect(wanted, origin) : origin
  if (callbackUrl !== fromCookie) cookies.push(setCookie(names, names.callbackUrl, callbackUrl))

  return { ok: true, req: { origin, base: origin + ctx.config.basePath, names, fields, csrfToken, csrfVerified, callbackUrl, cookies } }
}

/** next-auth's default `redirect` callback: relative URLs join the origin, other origins fall back to it. */
export function allowedRedirect(url: string, origin: string): string {
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
