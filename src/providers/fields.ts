import type { AuthResult } from '../core/index.js'
import { base64url } from '../core/base64url.js'
import { parseBody } from '../core/parse-body.js'
import type { ProviderContext } from './context.js'
import { oauthError } from './oauth-errors.js'

/** Parameters as strings only; a repeated or non-string parameter is refused (RFC 6749 §3.1, §3.2). */
export type Params = Readonly<Record<string, string | undefined>>

export type ParamsRead = { ok: true; params: Params } | { ok: false; result: AuthResult }

/**
 * The request's parameters: the query for GET, the form (or JSON) body for POST. The core parses
 * the body (100 KB limit, 415, no prototype keys); its errors are re-said as RFC 6749 §5.2 errors.
 */
export async function readParams(ctx: ProviderContext): Promise<ParamsRead> {
  if (ctx.request.method.toUpperCase() !== 'POST') return fromSearch(ctx.url.searchParams)
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) {
    const body = JSON.parse(parsed.result.body ?? '{}') as { message?: string }
    return { ok: false, result: oauthError('invalid_request', body.message ?? 'The request body could not be read.', parsed.result.status) }
  }
  const params: Record<string, string | undefined> = Object.create(null)
  for (const [key, value] of Object.entries(parsed.fields)) {
    if (value === undefined || value === null) continue
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return { ok: false, result: oauthError('invalid_request', `The parameter "${key}" must be a string.`) }
    }
    params[key] = String(value)
  }
  return { ok: true, params }
}

function fromSearch(search: URLSearchParams): ParamsRead {
  const params: Record<string, string | undefined> = Object.create(null)
  for (const [key, value] of search) {
    if (key in params) return { ok: false, result: oauthError('invalid_request', `The parameter "${key}" is repeated; send it once (RFC 6749 §3.1).`) }
    params[key] = value
  }
  return { ok: true, params }
}

/** A random opaque value: 256 bits by default, base64url (RFC 6749 §10.10: guessing must be infeasible). */
export function opaqueToken(ctx: ProviderContext, bytes = 32): string {
  return base64url(ctx.random.bytes(bytes))
}
