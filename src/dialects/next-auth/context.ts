import type { AuthResult, RouteContext } from '../../core/index.js'
import type { CookieNames } from './cookies.js'
import type { CsrfHasher } from './csrf-hash.js'
import type { SessionJwe } from './jwe.js'
import type { OriginMemo } from './origin-memo.js'
import { readNextAuthRequest, type NextAuthRequest } from './request-state.js'
import type { NextAuthWire } from './wire.js'

/** What every next-auth route handler shares: the wire's data, the app's secret and its session JWE. */
export interface NextAuthKit {
  wire: NextAuthWire
  secret: string
  jwe: SessionJwe
  /** The CSRF cookie's `sha256(token + secret)`, remembered per token. */
  csrf: CsrfHasher
  /** The wire's cookie names for http and for https, made once (they depend only on the wire). */
  names: { http: CookieNames; https: CookieNames }
  /** The app's origin per request origin (`publicOrigin` without a URL parse per request). */
  origins: OriginMemo
}

export type NextAuthHandler = (ctx: RouteContext, req: NextAuthRequest, kit: NextAuthKit) => Promise<AuthResult>

/** A route handler that first runs next-auth's `init()` (CSRF and callback URL) for the request. */
export function withInit(kit: NextAuthKit, handler: NextAuthHandler): (ctx: RouteContext) => Promise<AuthResult> {
  return async (ctx) => {
    const read = await readNextAuthRequest(ctx, kit)
    if (!read.ok) return read.result
    return handler(ctx, read.req, kit)
  }
}
