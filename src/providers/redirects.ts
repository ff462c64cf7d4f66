import { emptyResult, type AuthResult } from '../core/kernel.js'
import { isAbsoluteUrl } from './normalize.js'
import type { Provider } from './types.js'

export type RedirectCheck = { ok: true; redirectUri: string } | { ok: false; description: string }

/**
 * The redirect URI an authorization may send the browser to (RFC 6749 §3.1.2). Without registered
 * clients any absolute URL without a fragment is accepted; with them the client must be known and
 * the URI one of its own, compared exactly (RFC 9700 §4.1.3). A client with one registered URI may
 * omit it (RFC 6749 §3.1.2.3).
 */
export function checkRedirectUri(provider: Provider, clientId: string, given: string | undefined): RedirectCheck {
  const client = provider.clients?.get(clientId)
  if (provider.clients && !client) {
    return { ok: false, description: `Unknown client "${clientId}": the ${provider.name} mock accepts only ${[...provider.clients.keys()].join(', ')}.` }
  }
  if (given === undefined || given === '') {
    const only = client?.redirectUris.length === 1 ? client.redirectUris[0] : undefined
    return only === undefined ? { ok: false, description: 'Send redirect_uri: where the browser returns with the code.' } : { ok: true, redirectUri: only }
  }
  if (!isAbsoluteUrl(given)) return { ok: false, description: `redirect_uri "${given}" must be an absolute URL without a fragment (RFC 6749 §3.1.2).` }
  if (client && !client.redirectUris.includes(given)) {
    return { ok: false, description: `redirect_uri "${given}" is not registered for client "${clientId}"; registered: ${client.redirectUris.join(', ')}.` }
  }
  return { ok: true, redirectUri: given }
}

/** A 302 to `target` with `params` added to its query, keeping the query it has (RFC 6749 §3.1.2). */
export function redirectTo(target: string, params: Record<string, string | undefined>): AuthResult {
  const url = new URL(target)
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value)
  return emptyResult(302, { location: url.href })
}
