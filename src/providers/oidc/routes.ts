import { authorize, type AuthorizeDialect } from '../authorize.js'
import type { ProviderContext, ProviderRoute } from '../context.js'
import { discovery, jwks } from './discovery.js'
import { endSession } from './end-session.js'
import { introspect, revoke } from './token-admin.js'
import { token } from './token.js'
import { userinfo } from './userinfo.js'

const OIDC_AUTHORIZE: AuthorizeDialect = { iss: true, responseType: true, hints: ['login_hint'], defaultScope: 'openid' }
const authorizeOidc = (ctx: ProviderContext) => authorize(ctx, OIDC_AUTHORIZE)

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
