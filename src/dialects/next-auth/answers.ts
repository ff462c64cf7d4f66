import { emptyResult, jsonResult, type AuthResult } from '../../core/index.js'
import type { NextAuthRequest } from './request-state.js'
import type { NextAuthWire } from './wire.js'

/** A page URL under the base path: `<base>/error?error=CredentialsSignin&provider=credentials`. */
export function pageUrl(base: string, page: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString()
  return `${base}/${page}${query ? `?${query}` : ''}`
}

/**
 * next-auth's redirect: `{ url }` JSON when the client asked for it (v4 `json=true`, v5
 * `X-Auth-Return-Redirect`), else a 302 (RFC 9110 §15.4.3) a browser form post follows.
 */
export function redirect(wire: NextAuthWire, req: NextAuthRequest, headers: { get(name: string): string | null }, url: string, cookies: string[], status = 200): AuthResult {
  if (!wire.wantsJson(headers, req.fields)) {
    const result = emptyResult(302, { location: url })
    result.cookies = cookies
    return result
  }
  const result = jsonResult(status, { url }, wire.jsonKeepsLocation && status === 200 ? { location: url } : {})
  result.cookies = cookies
  return result
}

/** A failure's `{ url }` (or 302): v5 answers errors from its catch, without the cookies set on the way. */
export function failure(wire: NextAuthWire, req: NextAuthRequest, headers: { get(name: string): string | null }, answer: { status: number; page: string; params: Record<string, string> }): AuthResult {
  return redirect(wire, req, headers, pageUrl(req.base, answer.page, answer.params), wire.errorsKeepCookies ? req.cookies : [], answer.status)
}
