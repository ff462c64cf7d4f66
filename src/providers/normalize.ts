import { MockAuthError } from '../core/kernel.js'
import { BUILTIN_PROVIDERS } from './builtin.js'
import type { Provider, ProviderAccount, ProviderAccountInput, ProviderClient, ProviderInput, ProviderKind } from './types.js'

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/
const PROVIDER_KEYS = new Set(['id', 'name', 'kind', 'accounts', 'claims', 'clients', 'autoApprove'])
const KINDS: readonly ProviderKind[] = ['oidc', 'oauth2']
/** Claims that describe the token, not the account: an account cannot set them. */
const RESERVED = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'auth_time', 'nonce', 'at_hash', 'c_hash', 'azp', 'jti', 'sid', 'acr', 'amr'])

/**
 * The built-in providers plus the given ones (same id replaces a built-in), each checked so a typo
 * fails when the server starts, with a sentence naming the entry and the fix.
 */
export function resolveProviders(inputs: readonly unknown[] = [], source = 'providers'): Map<string, Provider> {
  if (!Array.isArray(inputs)) fail(`Invalid ${source}: expected an array like [{"id": "acme", "kind": "oidc", "accounts": [...]}].`)
  const providers = new Map<string, Provider>()
  for (const input of BUILTIN_PROVIDERS) providers.set(input.id, normalizeProvider(input, input.id))
  for (const [index, input] of inputs.entries()) {
    const provider = normalizeProvider(input, `${source}[${index}]`)
    providers.set(provider.id, provider)
  }
  return providers
}

export function normalizeProvider(input: unknown, where: string): Provider {
  if (!isObject(input)) fail(`Invalid ${where}: expected an object with "id" and "accounts".`)
  const p = input as Record<string, unknown>
  if (typeof p.id !== 'string' || !ID.test(p.id)) fail(`Invalid ${where}: "id" must be lower-case letters, digits, "-" or "_" (got ${JSON.stringify(p.id)}); it becomes the path /oidc/<id>.`)
  const at = `${where} ("${p.id}")`
  for (const key of Object.keys(p)) if (!PROVIDER_KEYS.has(key)) fail(`Invalid ${at}: unknown field "${key}"; known fields: ${[...PROVIDER_KEYS].join(', ')}.`)
  const kind = p.kind ?? 'oidc'
  if (!KINDS.includes(kind as ProviderKind)) fail(`Invalid ${at}: "kind" must be "oidc" or "oauth2" (got ${JSON.stringify(kind)}).`)
  if (p.name !== undefined && (typeof p.name !== 'string' || p.name === '')) fail(`Invalid ${at}: "name" must be a non-empty string.`)
  if (p.autoApprove !== undefined && typeof p.autoApprove !== 'boolean') fail(`Invalid ${at}: "autoApprove" must be true or false.`)
  if (p.claims !== undefined && !isObject(p.claims)) fail(`Invalid ${at}: "claims" must be an object of claims every account carries.`)
  const accountsInput = p.accounts ?? []
  if (!Array.isArray(accountsInput) || accountsInput.length === 0) fail(`Invalid ${at}: "accounts" must list at least one account like {"email": "test@example.com", "name": "Test User"}.`)
  const shared = (p.claims ?? {}) as Record<string, unknown>
  const accounts = (accountsInput as unknown[]).map((a, i) => normalizeAccount(a, i, `${at}.accounts[${i}]`, shared))
  checkUnique(accounts, at)
  return {
    id: p.id,
    name: (p.name as string | undefined) ?? p.id,
    kind: kind as ProviderKind,
    accounts,
    clients: p.clients === undefined ? undefined : normalizeClients(p.clients, at),
    autoApprove: (p.autoApprove as boolean | undefined) ?? false,
  }
}

function normalizeAccount(input: unknown, index: number, where: string, shared: Record<string, unknown>): ProviderAccount {
  if (!isObject(input)) fail(`Invalid ${where}: expected an object with "email".`)
  const a = input as ProviderAccountInput
  if (typeof a.email !== 'string' || !a.email.includes('@')) fail(`Invalid ${where}: "email" must be an email address (got ${JSON.stringify(a.email)}).`)
  for (const field of ['sub', 'login', 'name'] as const) {
    if (a[field] !== undefined && (typeof a[field] !== 'string' || a[field] === '')) fail(`Invalid ${where}: "${field}" must be a non-empty string.`)
  }
  if (a.id !== undefined && !(Number.isSafeInteger(a.id) && a.id > 0)) fail(`Invalid ${where}: "id" must be a positive whole number (GitHub's numeric id).`)
  if (a.email_verified !== undefined && typeof a.email_verified !== 'boolean') fail(`Invalid ${where}: "email_verified" must be true or false.`)
  const claims: Record<string, unknown> = {}
  for (const [key, value] of [...Object.entries(shared), ...Object.entries(a)]) {
    if (key === 'sub' || key === 'login' || key === 'id') continue
    if (RESERVED.has(key)) fail(`Invalid ${where}: "${key}" describes a token, not an account; remove it.`)
    Object.defineProperty(claims, key, { value, enumerable: true, writable: true, configurable: true })
  }
  const login = a.login ?? a.email.slice(0, a.email.indexOf('@'))
  claims.email_verified = a.email_verified ?? true
  const name = a.name ?? login
  claims.name = name
  return {
    // Google's subjects are 21-digit numeric strings; a default keeps that shape.
    sub: a.sub ?? String(100000000000000000000n + BigInt(index + 1)),
    login,
    id: a.id ?? 1000 + index + 1,
    email: a.email,
    emailVerified: claims.email_verified as boolean,
    name,
    claims,
  }
}

function checkUnique(accounts: readonly ProviderAccount[], where: string): void {
  const seen = new Set<string>()
  for (const account of accounts) {
    for (const key of [`sub:${account.sub}`, `login:${account.login.toLowerCase()}`, `email:${account.email.toLowerCase()}`, `id:${account.id}`]) {
      if (seen.has(key)) fail(`Invalid ${where}: two accounts share ${key.replace(':', ' ')}; subjects, logins, emails and ids must be unique.`)
      seen.add(key)
    }
  }
}

function normalizeClients(input: unknown, where: string): Map<string, ProviderClient> {
  if (!Array.isArray(input)) fail(`Invalid ${where}: "clients" must be an array like [{"clientId": "app", "clientSecret": "s", "redirectUris": ["http://localhost:3000/api/auth/callback/google"]}].`)
  const clients = new Map<string, ProviderClient>()
  for (const [index, entry] of (input as unknown[]).entries()) {
    const at = `${where}.clients[${index}]`
    if (!isObject(entry)) fail(`Invalid ${at}: expected an object with "clientId" and "redirectUris".`)
    const c = entry as Record<string, unknown>
    if (typeof c.clientId !== 'string' || c.clientId === '') fail(`Invalid ${at}: "clientId" must be a non-empty string.`)
    if (c.clientSecret !== undefined && (typeof c.clientSecret !== 'string' || c.clientSecret === '')) fail(`Invalid ${at}: "clientSecret" must be a non-empty string (omit it for a public client).`)
    const uris = (field: string, value: unknown): string[] => {
      if (!Array.isArray(value) || !value.every((u) => typeof u === 'string' && isAbsoluteUrl(u))) fail(`Invalid ${at}: "${field}" must be an array of absolute URLs.`)
      return [...(value as string[])]
    }
    const redirectUris = uris('redirectUris', c.redirectUris)
    const client: ProviderClient = {
      clientId: c.clientId,
      redirectUris,
      postLogoutRedirectUris: c.postLogoutRedirectUris === undefined ? [] : uris('postLogoutRedirectUris', c.postLogoutRedirectUris),
    }
    if (c.clientSecret !== undefined) client.clientSecret = c.clientSecret as string
    clients.set(client.clientId, client)
  }
  return clients
}

export function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol !== 'javascript:' && url.protocol !== 'data:' && url.hash === ''
  } catch {
    return false
  }
}

/** The account an email, login or subject names (case-insensitive for email and login). */
export function findAccount(provider: Provider, hint: string): ProviderAccount | undefined {
  const lower = hint.toLowerCase()
  return provider.accounts.find((a) => a.sub === hint || a.email.toLowerCase() === lower || a.login.toLowerCase() === lower || String(a.id) === hint)
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(message: string): never {
  throw new MockAuthError('ERR_INVALID_OPTIONS', message)
}
