import type { ProviderInput } from './types.js'

/**
 * The built-in providers, as data. Their accounts share emails with the engine's default users
 * (`test`, `admin`), so a social sign-in lands on the same user a password sign-in would.
 * Pictures point at a reserved `.invalid` host (RFC 6761 §6.4): nothing is ever fetched.
 */
export const GOOGLE: ProviderInput = {
  id: 'google',
  name: 'Google',
  kind: 'oidc',
  accounts: [
    {
      sub: '100000000000000000001',
      email: 'test@example.com',
      email_verified: true,
      name: 'Test User',
      given_name: 'Test',
      family_name: 'User',
      picture: 'https://mock-auth.invalid/avatars/test.png',
    },
    {
      sub: '100000000000000000002',
      email: 'admin@example.com',
      email_verified: true,
      name: 'Admin User',
      given_name: 'Admin',
      family_name: 'User',
      picture: 'https://mock-auth.invalid/avatars/admin.png',
    },
  ],
}

export const GITHUB: ProviderInput = {
  id: 'github',
  name: 'GitHub',
  kind: 'oauth2',
  accounts: [
    { id: 1001, login: 'test', email: 'test@example.com', name: 'Test User' },
    { id: 1002, login: 'admin', email: 'admin@example.com', name: 'Admin User' },
  ],
}

export const BUILTIN_PROVIDERS: readonly ProviderInput[] = [GOOGLE, GITHUB]
