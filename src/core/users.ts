import { base32Decode } from './base32.js'
import { MockAuthError } from './errors.js'

/** A user as given in options or a users file. */
export interface UserInput {
  id?: string
  username: string
  email?: string
  password: string
  name?: string
  roles?: string[]
  /** Extra JWT claims, e.g. `{ tenant: 'acme' }`; registered claims (iss, sub, exp…) cannot be overridden. */
  claims?: Record<string, unknown>
  /** A second factor: a base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s), as authenticator apps take it. */
  mfa?: { totp: string }
  /** `false`: sign-in answers 403 `email_not_verified` until the user follows a verification mail. */
  emailVerified?: boolean
  /** The scenario this user's requests run under, whatever the namespace's (e.g. `'locked'`). */
  scenario?: string
}

/** A user in the store: the input with its id settled. */
export interface StoredUser extends UserInput {
  id: string
}

/** The user as the API shows it: everything but the password, the claims, the TOTP secret and the mock's own settings. */
export type PublicUser = Omit<StoredUser, 'password' | 'claims' | 'mfa' | 'scenario'> & Record<string, unknown>

export const DEFAULT_USERS: readonly UserInput[] = [
  { id: 'user123', username: 'test', email: 'test@example.com', password: 'test', name: 'Test User', roles: ['user'] },
  { id: 'admin1', username: 'admin', email: 'admin@example.com', password: 'admin', name: 'Admin User', roles: ['admin', 'user'] },
]

const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'sid'])

/** The keys a user entry may have; anything else is refused, not dropped. A record, so a field added to `UserInput` must be added here. */
const USER_KEY_RECORD: Record<keyof UserInput, true> = { id: true, username: true, password: true, email: true, name: true, roles: true, claims: true, mfa: true, emailVerified: true, scenario: true }
const USER_KEYS = new Set(Object.keys(USER_KEY_RECORD))

/** Validates a users list (from options or a file); every problem names the entry and the fix. */
export function normalizeUsers(input: unknown, source = 'users', defaultId = (index: number) => `user-${index + 1}`): StoredUser[] {
  if (!Array.isArray(input)) {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${source}: expected a JSON array of users like [{"username":"test","password":"test"}].`)
  }
  const seen = new Set<string>()
  return input.map((entry: unknown, index) => {
    const where = `${source}[${index}]`
    const user = normalizeUser(entry, where, () => defaultId(index))
    for (const key of [user.id, user.username.toLowerCase(), user.email?.toLowerCase()]) {
      if (key === undefined) continue
      if (seen.has(key)) throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "${key}" is used by two users; ids, usernames and emails must be unique.`)
      seen.add(key)
    }
    return user
  })
}

/** One user entry, checked and copied; `where` names it in every error ("users.json[2]", "user"). */
export function normalizeUser(entry: unknown, where: string, defaultId: () => string): StoredUser {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: expected an object with "username" and "password".`)
  }
  const u = entry as Record<string, unknown>
  // A misspelt field ("pasword", "role") would otherwise be dropped without a word.
  for (const key of Object.keys(u)) {
    if (!USER_KEYS.has(key)) throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: unknown key "${key}"; a user has ${[...USER_KEYS].join(', ')}. Put anything else in "claims".`)
  }
  for (const field of ['username', 'password'] as const) {
    if (typeof u[field] !== 'string' || u[field] === '') {
      throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "${field}" must be a non-empty string.`)
    }
  }
  for (const field of ['id', 'email', 'name', 'scenario'] as const) {
    if (u[field] !== undefined && typeof u[field] !== 'string') {
      throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "${field}" must be a string.`)
    }
  }
  if (u.roles !== undefined && !(Array.isArray(u.roles) && u.roles.every((r) => typeof r === 'string'))) {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "roles" must be an array of strings.`)
  }
  if (u.claims !== undefined && (typeof u.claims !== 'object' || u.claims === null || Array.isArray(u.claims))) {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "claims" must be an object.`)
  }
  if (u.mfa !== undefined) checkMfa(u.mfa, where)
  if (u.emailVerified !== undefined && typeof u.emailVerified !== 'boolean') {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "emailVerified" must be true or false.`)
  }
  const user: StoredUser = {
    id: (u.id as string | undefined) ?? defaultId(),
    username: u.username as string,
    password: u.password as string,
  }
  if (u.email !== undefined) user.email = u.email as string
  if (u.name !== undefined) user.name = u.name as string
  if (u.roles !== undefined) user.roles = [...(u.roles as string[])]
  // A deep copy: seed users are frozen (`SeedUsers`), which must not freeze the caller's objects.
  if (u.claims !== undefined) user.claims = structuredClone(u.claims as Record<string, unknown>)
  if (u.mfa !== undefined) user.mfa = { totp: (u.mfa as { totp: string }).totp }
  if (u.emailVerified !== undefined) user.emailVerified = u.emailVerified as boolean
  if (u.scenario !== undefined) user.scenario = u.scenario as string
  return user
}

/**
 * `{ totp: "<base32>" }`. Short secrets are accepted (RFC 4226 §4 R6 asks 128 bits of a real
 * deployment, but fixtures often use the 80-bit "JBSWY3DPEHPK3PXP"); a non-base32 one is a typo.
 */
function checkMfa(mfa: unknown, where: string): void {
  const totp = typeof mfa === 'object' && mfa !== null ? (mfa as Record<string, unknown>).totp : undefined
  const key = typeof totp === 'string' ? base32Decode(totp) : undefined
  if (!key || key.length === 0) {
    throw new MockAuthError('ERR_INVALID_USERS', `Invalid ${where}: "mfa" must be {"totp": "<base32 secret>"} with a base32 secret (letters A-Z and digits 2-7), e.g. "JBSWY3DPEHPK3PXP".`)
  }
}

export function publicUser(user: StoredUser): PublicUser {
  const { password: _password, claims: _claims, mfa: _mfa, scenario: _scenario, ...rest } = user
  return rest
}

/** The claims a user's access token carries besides the registered ones. */
export function userClaims(user: StoredUser): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const key of Object.keys(user.claims ?? {})) {
    if (RESERVED_CLAIMS.has(key)) continue
    // Defined, not assigned: a `__proto__` claim (JSON.parse keeps it as a key) stays a claim.
    Object.defineProperty(claims, key, { value: user.claims![key], enumerable: true, writable: true, configurable: true })
  }
  claims.username = user.username
  if (user.email !== undefined) claims.email = user.email
  if (user.name !== undefined) claims.name = user.name
  if (user.roles !== undefined) claims.roles = user.roles
  return claims
}
