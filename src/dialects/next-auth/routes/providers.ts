import { jsonResult, type AuthResult } from '../../../core/index.js'
import type { NextAuthHandler } from '../context.js'
import { emailProvider } from './email.js'

/**
 * `GET /providers`: the credentials provider, as next-auth lists it. The client reads `type`
 * (`credentials` posts to `/callback/credentials`, anything else to `/signin/<id>`).
 */
export const providers: NextAuthHandler = async (_ctx, req): Promise<AuthResult> => {
  const result = jsonResult(200, {
    credentials: { id: 'credentials', name: 'Credentials', type: 'credentials', signinUrl: `${req.base}/signin/credentials`, callbackUrl: `${req.base}/callback/credentials` },
    email: emailProvider(req.base),
  })
  result.cookies = req.cookies
  return result
}
