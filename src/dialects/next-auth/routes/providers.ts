import { jsonResult, type AuthResult } from '../../../core/index.js'
import type { NextAuthHandler } from '../context.js'
import { emailProvider } from './email.js'
import { oauthProviders } from './social.js'

/**
 * `GET /providers`: the credentials and email providers and the mock identity providers, as next-auth lists them. The client reads `type`
 * (`credentials` posts to `/callback/credentials`, anything else to `/signin/<id>`).
 */
export const providers: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const result = jsonResult(200, {
    credentials: { id: 'credentials', name: 'Credentials', type: 'credentials', signinUrl: `${req.base}/signin/credentials`, callbackUrl: `${req.base}/callback/credentials` },
    email: emailProvider(req.base),
    ...oauthProviders(ctx, kit.wire, req.base),
  })
  result.cookies = req.cookies
  return result
}
