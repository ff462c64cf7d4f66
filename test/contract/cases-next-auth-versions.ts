import { nextAuthCases, NEXT_AUTH_SECRET } from './cases-next-auth.js'

export { NEXT_AUTH_SECRET }

/** next-auth 4.24's wire. */
export const cases = nextAuthCases({
  prefix: 'next-auth',
  jsonFields: { json: 'true' },
  jsonHeaders: {},
  signedOut: {},
  badCredentials: { status: 401, url: 'error?error=CredentialsSignin&provider=credentials' },
  missingCsrf: 'signin?csrf=true',
  serverError: 'error?error=The+auth+server+failed+%28simulated%29.',
  enc: 'A256GCM',
  googleType: 'oauth',
})

/** Auth.js v5's wire (next-auth 5 beta, @auth/core 0.41). */
export const authjsCases = nextAuthCases({
  prefix: 'authjs',
  jsonFields: {},
  jsonHeaders: { 'x-auth-return-redirect': '1' },
  signedOut: null,
  badCredentials: { status: 200, url: 'signin?error=CredentialsSignin&code=credentials' },
  missingCsrf: 'signin?error=MissingCSRF',
  serverError: 'error?error=Configuration',
  enc: 'A256CBC-HS512',
  googleType: 'oidc',
})
