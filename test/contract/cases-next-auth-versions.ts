import { nextAuthCases, NEXT_AUTH_SECRET, type NextAuthVersion } from './cases-next-auth.js'
import { nextAuthSocialCases } from './cases-next-auth-social.js'

export { NEXT_AUTH_SECRET }

/** next-auth 4.24's wire. */
const v4: NextAuthVersion = {
  prefix: 'next-auth',
  jsonFields: { json: 'true' },
  jsonHeaders: {},
  signedOut: {},
  badCredentials: { status: 401, url: 'error?error=CredentialsSignin&provider=credentials' },
  missingCsrf: 'signin?csrf=true',
  serverError: 'error?error=The+auth+server+failed+%28simulated%29.',
  enc: 'A256GCM',
  googleType: 'oauth',
}

/** Auth.js v5's wire (next-auth 5 beta, @auth/core 0.41). */
const v5: NextAuthVersion = {
  prefix: 'authjs',
  jsonFields: {},
  jsonHeaders: { 'x-auth-return-redirect': '1' },
  signedOut: null,
  badCredentials: { status: 200, url: 'signin?error=CredentialsSignin&code=credentials' },
  missingCsrf: 'signin?error=MissingCSRF',
  serverError: 'error?error=Configuration',
  enc: 'A256CBC-HS512',
  googleType: 'oidc',
}

export const cases = [...nextAuthCases(v4), ...nextAuthSocialCases(v4)]
export const authjsCases = [...nextAuthCases(v5), ...nextAuthSocialCases(v5)]
