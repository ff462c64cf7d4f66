import type { AuthorizeDialect } from '../authorize.js'
import type { ProviderContext, ProviderRoute } from '../context.js'
import { lazyFunction } from '../../core/kernel.js'

const OIDC_AUTHORIZE: AuthorizeDialect = { iss: true, responseType: true, hints: ['login_hint'], defaultScope: 'openid' }
const authorizeOidc = lazyFunction(() => import('../authorize.js'), (m) => (ctx: ProviderContext) => m.authorize(ctx, OIDC_AUTHORIZE))
// Each handler's module loads on its first request (core/lazy-function.ts).
const discovery = lazyFunction(() => import('./discovery.js'), (m) => m.discovery)
const jwks = lazyFunction(() => import('./discovery.js'), (m) => m.jwks)
const endSession = lazyFunction(() => import('./end-session.js'), (m) => m.endSession)
const introspect = lazyFunction(() => import('./token-admin.js'), (m) => m.introspect)
const revoke = lazyFunction(() => import('./token-admin.js'), (m) => m.revoke)
const token = lazyFunction(() => import('./token.js'), (m) => m.token)
const userinfo = lazyFunction(() => import('./userinfo.js'), (m) => m.userinfo)

/** An OpenID Connect provider's routes, under `/oidc/<id>`. */
export const OIDC_ROUTES: Readonly<Record<string, ProviderRoute>> = {
  '/.well-known/openid-configuration': { operation: 'providerDiscovery', methods: { GET: discovery } },
  // OIDC Core §3.1.2.1: the authorization endpoint MUST support GET and POST.
  '/authorize': { operation: 'providerAuthorize', methods: { GET: authorizeOidc, POST: authorizeOidc } },
  '/token': { operation: 'providerToken', methods: { POST: token } },
  // OIDC Core §5.3.1: userinfo MUST support GET and POST.
  '/userinfo': { operation: 'providerUserinfo', methods: { GET: userinfo, POST: userinfo } },
  '/jwks': { operation: 'providerJwks', methods: { GET: jwks } },
  '/revoke': { operation: 'providerRevoke', methods: { POST: revoke } },
  '/introspect': { operation: 'providerIntrospect', methods: { POST: introspect } },
  '/end-session': { operation: 'providerEndSession', methods: { GET: endSession, POST: endSession } },
}
