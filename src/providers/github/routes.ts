import type { AuthorizeDialect } from '../authorize.js'
import type { ProviderContext, ProviderRoute } from '../context.js'
import { lazyFunction } from '../../core/kernel.js'

/** GitHub takes no response_type and no iss; its own `login` parameter names the account. */
const GITHUB_AUTHORIZE: AuthorizeDialect = { iss: false, responseType: false, hints: ['login', 'login_hint'], defaultScope: '' }
const authorizeGithub = lazyFunction(() => import('../authorize.js'), (m) => (ctx: ProviderContext) => m.authorize(ctx, GITHUB_AUTHORIZE))
// Each handler's module loads on its first request (core/lazy-function.ts).
const accessToken = lazyFunction(() => import('./access-token.js'), (m) => m.accessToken)
const user = lazyFunction(() => import('./user.js'), (m) => m.user)
const userEmails = lazyFunction(() => import('./user.js'), (m) => m.userEmails)
const introspect = lazyFunction(() => import('../oidc/token-admin.js'), (m) => m.introspect)
const revoke = lazyFunction(() => import('../oidc/token-admin.js'), (m) => m.revoke)

/**
 * OAuth 2.0 as GitHub speaks it, under `/oidc/<id>`: github.com's `/login/oauth/authorize` and
 * `/login/oauth/access_token`, api.github.com's `/user` and `/user/emails`. The generic
 * `/authorize` and `/token` names are served too, so a plain OAuth 2.0 client finds them.
 */
export const GITHUB_ROUTES: Readonly<Record<string, ProviderRoute>> = {
  '/login/oauth/authorize': { operation: 'providerAuthorize', methods: { GET: authorizeGithub, POST: authorizeGithub } },
  '/login/oauth/access_token': { operation: 'providerToken', methods: { POST: accessToken } },
  '/authorize': { operation: 'providerAuthorize', methods: { GET: authorizeGithub, POST: authorizeGithub } },
  '/token': { operation: 'providerToken', methods: { POST: accessToken } },
  '/user': { operation: 'providerUserinfo', methods: { GET: user } },
  '/user/emails': { operation: 'providerUserinfo', methods: { GET: userEmails } },
  '/revoke': { operation: 'providerRevoke', methods: { POST: revoke } },
  '/introspect': { operation: 'providerIntrospect', methods: { POST: introspect } },
}
