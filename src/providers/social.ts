import { MockAuthError, scenarioResponse, type NamespaceState, type RouteContext, type SocialExchange, type SocialProvider } from '../core/kernel.js'
import { findAccount } from './normalize.js'
import type { ProviderProtocol } from './protocol.js'
import { PROVIDER_STATE_KEY, providerContext } from './route-context.js'
import type { Provider } from './types.js'

/** The client the app's own dialects use at the mock providers when none is registered. */
export const APP_CLIENT_ID = 'mock-auth-app'

/**
 * Each provider of the protocol as the app's dialects see it (`SocialProvider`): the authorization
 * URL of a code flow, and an in-process code exchange that runs the token endpoint's own grant,
 * so single use, redirect URI and client checks all hold, and a scenario answering
 * `providerToken` (or `providerUserinfo`) fails it as it would fail over HTTP.
 */
export function socialProviders(protocol: ProviderProtocol): SocialProvider[] {
  return [...protocol.providers.values()].map((provider) => socialProvider(protocol, provider))
}

function socialProvider(protocol: ProviderProtocol, provider: Provider): SocialProvider {
  const client = provider.clients?.values().next().value
  const clientId = client?.clientId ?? APP_CLIENT_ID
  return {
    id: provider.id,
    name: provider.name,
    kind: provider.kind,
    authorizationUrl({ origin, redirectUri, state, loginHint }) {
      const oidc = provider.kind === 'oidc'
      const url = new URL(`${origin}/oidc/${provider.id}${oidc ? '/authorize' : '/login/oauth/authorize'}`)
      if (oidc) url.searchParams.set('response_type', 'code')
      url.searchParams.set('client_id', clientId)
      url.searchParams.set('redirect_uri', redirectUri)
      url.searchParams.set('scope', oidc ? 'openid email profile' : 'read:user user:email')
      url.searchParams.set('state', state)
      if (loginHint !== undefined) url.searchParams.set(oidc ? 'login_hint' : 'login', loginHint)
      return url.href
    },
    chooseAccount(state: NamespaceState, hint: string) {
      const account = findAccount(provider, hint)
      if (!account) {
        throw new MockAuthError('ERR_UNKNOWN_USER', `The ${provider.name} mock has no account "${hint}". Accounts: ${provider.accounts.map((a) => a.email).join(', ')}.`)
      }
      state.protocolState(PROVIDER_STATE_KEY, () => protocol.createState()).pickNextAccount(provider.id, account.sub)
      return { provider: provider.id, sub: account.sub, login: account.login, email: account.email, name: account.name }
    },
    async exchange(ctx: RouteContext, { code, redirectUri, origin }): Promise<SocialExchange> {
      for (const operation of ['providerToken', 'providerUserinfo'] as const) {
        const canned = scenarioResponse(ctx.scenario, operation)
        if (canned) return { ok: false, error: canned.error, description: canned.message ?? `The ${provider.name} mock's ${operation === 'providerToken' ? 'token endpoint' : 'user endpoint'} failed (scenario "${ctx.scenario.name}").` }
      }
      const pctx = providerContext(protocol, provider, ctx, new URL(`${origin}/oidc/${provider.id}/token`))
      const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
      // The grant's modules (and jose) load with the first social sign-in (core/lazy-function.ts says why).
      const [{ accountOf, runGrant }, { effectiveClaims }] = await Promise.all([import('./grants.js'), import('./claims.js')])
      const outcome = await runGrant(pctx, params, { ok: true, clientId, client, method: client?.clientSecret === undefined ? 'none' : 'client_secret_post' })
      if (!outcome.ok) return { ok: false, error: outcome.error, description: outcome.description }
      const grant = pctx.state.accessTokens.get(outcome.answer.access_token, pctx.now)
      const account = grant?.sub === undefined ? undefined : accountOf(pctx, grant.sub)
      if (!account) return { ok: false, error: 'invalid_grant', description: 'The code did not name an account.' }
      const claims = effectiveClaims(pctx, account)
      return {
        ok: true,
        profile: {
          providerId: provider.id,
          subject: provider.kind === 'oidc' ? account.sub : String(account.id),
          email: typeof claims.email === 'string' ? claims.email : account.email,
          emailVerified: claims.email_verified !== false,
          name: typeof claims.name === 'string' ? claims.name : account.name,
          ...(typeof claims.picture === 'string' ? { picture: claims.picture } : {}),
        },
      }
    },
  }
}
