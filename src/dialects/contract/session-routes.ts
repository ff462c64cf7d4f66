import { endSessions } from '../../core/operations/end-session.js'
import type { BodyFields } from '../../core/parse-body.js'
import type { AuthResult } from '../../core/result.js'
import { answer } from './answer.js'
import { authenticateToken, sessionVars } from './contract-tokens.js'
import { fromSources, readBody, readsBody } from './read-inputs.js'
import { challenged, type ContractRouteArgs } from './token-routes.js'

/** session and me: the access token from the contract's credential sources, checked by the core's store. */
export async function contractSession({ ctx, op, contract, fail }: ContractRouteArgs): Promise<AuthResult> {
  let fields: BodyFields | undefined
  if (readsBody(op.credentials)) {
    const body = await readBody(ctx)
    if (!body.ok) return fail(body.error)
    fields = body.value
  }
  const presented = fromSources(ctx, op.credentials, fields)
  if (!presented) {
    if (op.anonymous) return answer(op.anonymous.status, op.anonymous.body({}))
    return fail(challenged('unauthenticated', undefined))
  }
  if (!('token' in presented)) return fail({ ...challenged('invalid_token', 'The Authorization header is not "Bearer <token>".'), message: 'The Authorization header is not "Bearer <token>".' })
  const auth = await authenticateToken(ctx, contract, presented.token)
  if (!auth.ok) {
    const error = challenged(auth.code, auth.description)
    return fail(auth.code === 'invalid_token' ? { ...error, message: auth.description } : error)
  }
  return answer(op.status, op.body(sessionVars(auth, presented.token, ctx.now)))
}

/**
 * Sign-out: revokes the session named by the access token and by the refresh token (whichever
 * the contract's sources find), then clears the contract's cookies. Idempotent, as in the core.
 */
export async function contractSignOut({ ctx, op, contract, fail }: ContractRouteArgs): Promise<AuthResult> {
  let fields: BodyFields | undefined
  if (readsBody(op.credentials) || readsBody(op.refreshToken)) {
    const body = await readBody(ctx)
    if (!body.ok) return fail(body.error)
    fields = body.value
  }
  const access = fromSources(ctx, op.credentials, fields)
  const refresh = fromSources(ctx, op.refreshToken, fields)
  const { revoked } = await endSessions(ctx, {
    accessToken: access && 'token' in access ? access.token : undefined,
    refreshToken: refresh && 'token' in refresh ? refresh.token : undefined,
  })
  const cookies: string[] = []
  if (op.cookies) {
    if (contract.cookies.refresh) cookies.push(contract.cookies.refresh.clear())
    if (contract.cookies.access) cookies.push(contract.cookies.access.clear())
  }
  return answer(op.status, op.body({ revoked }), cookies)
}
