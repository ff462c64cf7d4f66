import { jsonResult, type AuthResult } from '../../../core/index.js'
import type { NextAuthHandler } from '../context.js'

/** `GET /csrf` → `{ csrfToken }`, with the double-submit cookie when the request had no valid one. */
export const csrf: NextAuthHandler = async (_ctx, req): Promise<AuthResult> => {
  const result = jsonResult(200, { csrfToken: req.csrfToken })
  result.cookies = req.cookies
  return result
}
