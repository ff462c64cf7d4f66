import type { AuthResult } from '../../core/kernel.js'
import { mintTokens, type MintOptions } from '../../core/mint.js'
import { badRequest, type ControlContext } from './context.js'

/**
 * `POST /__mock-auth/token` `{"user": "test", "ttl"?: "1h", "expired"?: true, "url"?: "https://app.test"}`:
 * a real session, as sign-in makes, with the cookies of the server's dialect for the app at `url`.
 */
export function postToken({ engine, fields, state }: ControlContext): Promise<AuthResult> | AuthResult {
  const { user, ttl, expired, url } = fields
  if (typeof user !== 'string' || user === '') return badRequest('Send {"user": "<username, email or id>"}, e.g. {"user": "test"}.')
  if (ttl !== undefined && typeof ttl !== 'string' && typeof ttl !== 'number') return badRequest('"ttl" must be a duration such as "1h".')
  if (expired !== undefined && typeof expired !== 'boolean') return badRequest('"expired" must be true or false.')
  if (url !== undefined && (typeof url !== 'string' || !URL.canParse(url))) return badRequest('"url" must be the app\'s absolute URL, e.g. "http://localhost:3000".')
  const options: MintOptions = { user, namespace: state.name }
  if (ttl !== undefined) options.ttl = ttl
  if (expired !== undefined) options.expired = expired
  if (url !== undefined) options.url = url
  return mintTokens(engine, options)
}
