import type { EngineConfig } from './config.js'
import type { RouteContext } from './context.js'
import { MockAuthError } from './errors.js'
import type { NamespaceState } from './state.js'

/** An identity a provider vouches for, as the app's side of a social sign-in needs it. */
export interface SocialProfile {
  providerId: string
  /** The provider's subject for the account (OIDC `sub`, GitHub's id). */
  subject: string
  email: string
  emailVerified: boolean
  name?: string
  picture?: string
}

export type SocialExchange = { ok: true; profile: SocialProfile } | { ok: false; error: string; description: string }

/**
 * A mock identity provider as the app's dialects see it: where to send the browser, and how to
 * turn the callback's code into a profile. Made by the identity-provider protocols and injected into the
 * engine (`EngineOptions.socialProviders`); the core only knows this shape.
 */
export interface SocialProvider {
  readonly id: string
  readonly name: string
  /** `oidc` (OpenID Connect) or `oauth2` (GitHub's OAuth 2.0). */
  readonly kind: 'oidc' | 'oauth2'
  /** The provider's authorization URL for a code flow back to `redirectUri` (served at `{origin}/oidc/<id>`). */
  authorizationUrl(input: { origin: string; redirectUri: string; state: string; loginHint?: string }): string
  /**
   * Exchanges the callback's code in-process, as the app's server would at the token endpoint;
   * the scenario's answers for the provider's operations apply (e.g. `provider-error`).
   */
  exchange(ctx: RouteContext, input: { code: string; redirectUri: string; origin: string }): Promise<SocialExchange>
  /**
   * Picks the account (email, login or subject) the next authorization at this provider gets in
   * `state`'s namespace, without the chooser; throws `ERR_UNKNOWN_USER` naming the accounts.
   */
  chooseAccount(state: NamespaceState, account: string): ChosenAccount
}

export interface ChosenAccount {
  provider: string
  sub: string
  login: string
  email: string
  name: string
}

/** The control behind `chooseAccount()` and the control API's next-account route. */
export function chooseNextAccount(config: EngineConfig, state: NamespaceState, provider: string, account: string): ChosenAccount {
  const found = config.socialProviders.get(provider)
  if (!found) {
    const known = [...config.socialProviders.keys()]
    throw new MockAuthError('ERR_INVALID_OPTIONS', known.length === 0 ? 'This instance serves no identity providers.' : `Unknown provider "${provider}". Providers: ${known.join(', ')}.`)
  }
  return found.chooseAccount(state, account)
}
