import type { RouteContext } from '../../core/context.js'
import { parseBody, stringField } from '../../core/parse-body.js'
import { errorResult, type AuthResult } from '../../core/result.js'
import { MAX_FIELD_LENGTH, MAX_PASSWORD_LENGTH } from './credentials-body.js'

export type Fields<K extends string> = { ok: true; fields: Record<K, string> & Partial<Record<string, string>> } | { ok: false; result: AuthResult }

/**
 * Reads the named string fields of a JSON or form body: `required` must be present and non-empty,
 * `optional` may be absent. Every field is bounded like the sign-in fields are; a password like a
 * password. The error names the field and says what to send.
 */
export async function readFields<K extends string>(ctx: RouteContext, required: readonly K[], optional: readonly string[] = []): Promise<Fields<K>> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed
  const out: Record<string, string> = {}
  for (const name of [...required, ...optional]) {
    const value = stringField(parsed.fields, name)
    if (typeof value === 'object') return invalid(value.invalid)
    const max = name === 'password' ? MAX_PASSWORD_LENGTH : name === 'redirectTo' ? 2048 : MAX_FIELD_LENGTH
    if (value !== undefined && value.length > max) return invalid(`"${name}" is longer than ${max} characters.`)
    if (value !== undefined && value !== '') out[name] = value
  }
  const missing = required.filter((name) => out[name] === undefined)
  if (missing.length > 0) return invalid(`Send ${required.map((n) => `"${n}"`).join(' and ')} (missing: ${missing.join(', ')}).`)
  return { ok: true, fields: out as Record<K, string> }
}

/**
 * A `redirectTo` from the client, resolved against the request's origin: a path (`/reset`) stays on
 * the origin the request came to, an absolute http(s) URL is the app's own page (in `serve` mode the
 * app runs on another port). Anything else (javascript:, data:) is refused.
 */
export function resolveRedirect(ctx: RouteContext, redirectTo: string | undefined, fallback: string): { ok: true; url: URL } | { ok: false; result: AuthResult } {
  let url: URL
  try {
    url = new URL(redirectTo ?? fallback, originOf(ctx))
  } catch {
    return invalid('"redirectTo" must be a path such as "/reset-password" or an http(s) URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('"redirectTo" must be a path such as "/reset-password" or an http(s) URL.')
  return { ok: true, url }
}

/** `url` with `token=<token>` added to its query. */
export function withToken(url: URL, token: string): string {
  const copy = new URL(url)
  copy.searchParams.set('token', token)
  return copy.href
}

/** The request's origin: where in-process MSW and `serve` were reached. */
export function originOf(ctx: RouteContext): string {
  return new URL(ctx.request.url).origin
}

/** An absolute URL of one of our own routes under the base path. */
export function ownRoute(ctx: RouteContext, path: string): URL {
  return new URL(`${ctx.config.basePath}${path}`, originOf(ctx))
}

function invalid(message: string): { ok: false; result: AuthResult } {
  return { ok: false, result: errorResult('invalid_request', { message }) }
}
