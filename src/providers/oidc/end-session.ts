import { jsonResult, type AuthResult } from '../../core/kernel.js'
import type { ProviderContext } from '../context.js'
import { readParams } from '../fields.js'
import { isAbsoluteUrl } from '../normalize.js'
import { oauthError } from '../oauth-errors.js'
import { redirectTo } from '../redirects.js'

/**
 * RP-initiated logout (OIDC RP-Initiated Logout 1.0 §2-3): with `post_logout_redirect_uri`, a 302
 * there at once with `state` echoed. The mock keeps no browser session of its own, so there is
 * nothing else to end. With registered clients the URI must be one of the client's
 * `postLogoutRedirectUris` or share an origin with its redirect URIs.
 */
export async function endSession(ctx: ProviderContext): Promise<AuthResult> {
  const read = await readParams(ctx)
  if (!read.ok) return read.result
  const { post_logout_redirect_uri: target, state, client_id: clientId } = read.params
  if (target === undefined || target === '') return jsonResult(200, { status: 'signed_out', message: `Signed out of ${ctx.provider.name} (mock). Send post_logout_redirect_uri to be sent back.` })
  if (!isAbsoluteUrl(target)) return oauthError('invalid_request', `post_logout_redirect_uri "${target}" must be an absolute URL without a fragment.`)
  const clients = ctx.provider.clients
  if (clients) {
    const client = clientId === undefined ? undefined : clients.get(clientId)
    const allowed = client ? [...client.postLogoutRedirectUris, ...client.redirectUris.map((u) => new URL(u).origin)] : []
    if (!allowed.some((u) => u === target || u === new URL(target).origin)) {
      return oauthError('invalid_request', `post_logout_redirect_uri "${target}" is not registered${client ? ` for client "${client.clientId}"` : ': send client_id of a registered client'}.`)
    }
  }
  return redirectTo(target, { state })
}
