import type { AuthResult } from '../core/index.js'
import type { ProviderContext } from './context.js'
import type { Params } from './fields.js'
import { oauthError } from './oauth-errors.js'
import type { ProviderClient } from './types.js'

export type ClientMethod = 'client_secret_basic' | 'client_secret_post' | 'none'

export type ClientAuth = { ok: true; clientId: string; client: ProviderClient | undefined; method: ClientMethod } | { ok: false; result: AuthResult }

const BASIC_CHALLENGE = { 'www-authenticate': 'Basic realm="mock-auth"' }

/**
 * Authenticates the client of a token, revocation or introspection request (RFC 6749 §2.3):
 * `client_secret_basic` (the Authorization header, each part form-urlencoded, §2.3.1),
 * `client_secret_post` (`client_id` and `client_secret` in the body) or `none` (a public client,
 * `client_id` alone). Any client is accepted unless the provider lists clients; then the id must be
 * known and the secret right.
 */
export function authenticateClient(ctx: ProviderContext, params: Params): ClientAuth {
  const header = ctx.request.headers.get('authorization')
  let basic: { id: string; secret: string } | undefined
  if (header !== null && /^basic\s/i.test(header)) {
    basic = decodeBasic(header.slice(6).trim())
    if (!basic) return fail('The Authorization header is not valid Basic credentials: send base64("<client_id>:<client_secret>") (RFC 6749 §2.3.1).', 401, BASIC_CHALLENGE)
  }
  if (basic && params.client_secret !== undefined) return fail('The client authenticated twice (Basic and client_secret); use one method (RFC 6749 §2.3).')
  if (basic && params.client_id !== undefined && params.client_id !== basic.id) return fail('client_id in the body differs from the one in the Authorization header.', 400, {}, 'invalid_request')
  const clientId = basic?.id ?? params.client_id
  if (clientId === undefined || clientId === '') return fail('Identify the client: send client_id (with client_secret), or Basic credentials.', 401)
  const secret = basic?.secret ?? params.client_secret
  const method: ClientMethod = basic ? 'client_secret_basic' : secret !== undefined ? 'client_secret_post' : 'none'
  const clients = ctx.provider.clients
  if (!clients) return { ok: true, clientId, client: undefined, method }
  const client = clients.get(clientId)
  const challenge = basic ? BASIC_CHALLENGE : {}
  if (!client) return fail(`Unknown client "${clientId}": the ${ctx.provider.name} mock lists its clients; use one of ${[...clients.keys()].join(', ')}.`, 401, challenge)
  if (client.clientSecret === undefined) {
    if (secret !== undefined) return fail(`Client "${clientId}" is public (no secret configured); send only client_id.`, 401, challenge)
  } else if (secret !== client.clientSecret) {
    return fail(secret === undefined ? `Client "${clientId}" must authenticate: send its client_secret.` : `The secret of client "${clientId}" is wrong.`, 401, challenge)
  }
  return { ok: true, clientId, client, method }
}

function decodeBasic(value: string): { id: string; secret: string } | undefined {
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
  const colon = decoded.indexOf(':')
  if (colon < 1) return undefined
  try {
    const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
    return { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) }
  } catch {
    return undefined
  }
}

function fail(description: string, status = 400, headers: Record<string, string> = {}, error: 'invalid_client' | 'invalid_request' = status === 401 ? 'invalid_client' : 'invalid_request'): ClientAuth {
  return { ok: false, result: oauthError(error, description, status, headers) }
}
