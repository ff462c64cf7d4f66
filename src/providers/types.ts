/**
 * A mock identity provider as data. `kind: 'oidc'` speaks OpenID Connect (discovery, id_token,
 * userinfo); `kind: 'oauth2'` speaks OAuth 2.0 the way GitHub does (its paths, form or JSON token
 * answers, `/user` and `/user/emails`).
 */
export type ProviderKind = 'oidc' | 'oauth2'

/** An account as given in options or the config file; every key but the known ones is a claim. */
export interface ProviderAccountInput {
  email: string
  /** OIDC subject; default a numeric string, as Google's are. */
  sub?: string
  /** GitHub-style login; default the email's local part. */
  login?: string
  /** GitHub-style integer id; default 1000 + the account's position. */
  id?: number
  name?: string
  email_verified?: boolean
  given_name?: string
  family_name?: string
  picture?: string
  [claim: string]: unknown
}

/** A registered client: when any are configured, only they are accepted (id, secret, redirect URIs). */
export interface ProviderClientInput {
  clientId: string
  /** Absent: a public client, authenticated by `none` (PKCE is then its proof). */
  clientSecret?: string
  redirectUris: readonly string[]
  /** Where RP-initiated logout may send the browser back to; default the redirect URIs' origins. */
  postLogoutRedirectUris?: readonly string[]
}

export interface ProviderInput {
  id: string
  name?: string
  kind?: ProviderKind
  accounts?: readonly ProviderAccountInput[]
  /** Claims every account of this provider carries (e.g. `{ hd: 'example.com' }`). */
  claims?: Record<string, unknown>
  clients?: readonly ProviderClientInput[]
  /** Skip the account chooser: /authorize answers 302 at once with the first (or picked) account. */
  autoApprove?: boolean
}

export interface ProviderAccount {
  sub: string
  login: string
  id: number
  email: string
  emailVerified: boolean
  name: string
  /** Every claim of the account (standard and custom), `sub` excluded. */
  claims: Readonly<Record<string, unknown>>
}

export interface ProviderClient {
  clientId: string
  clientSecret?: string
  redirectUris: readonly string[]
  postLogoutRedirectUris: readonly string[]
}

export interface Provider {
  id: string
  name: string
  kind: ProviderKind
  accounts: readonly ProviderAccount[]
  /** Registered clients by id; undefined when any client is accepted. */
  clients: ReadonlyMap<string, ProviderClient> | undefined
  autoApprove: boolean
}
