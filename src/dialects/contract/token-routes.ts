import type { RouteContext } from '../../core/context.js'
import type { ProtocolError } from '../../core/dialect.js'
import { passwordSignIn } from '../../core/operations/password-sign-in.js'
import { registerUser, type Registration } from '../../core/operations/register-user.js'
import { rotateRefresh } from '../../core/operations/rotate-refresh.js'
import { bearerChallenge, type AuthResult } from '../../core/result.js'
import { publicUser } from '../../core/users.js'
import { issueTokens } from './contract-tokens.js'
import type { CompiledOperation, Contract } from './contract-types.js'
import { answer, type Fail } from './answer.js'
import { field, fromSources, MAX_FIELD_LENGTH, MAX_PASSWORD_LENGTH, readBody, readsBody } from './read-inputs.js'

/** What each of the contract's handlers gets: the request's context, its operation, the contract. */
export interface ContractRouteArgs {
  ctx: RouteContext
  op: CompiledOperation
  contract: Contract
  fail: Fail
}

/** Sign-in: login and password from the contract's field names, then the core's `passwordSignIn`. */
export async function contractSignIn({ ctx, op, contract, fail }: ContractRouteArgs): Promise<AuthResult> {
  const body = await readBody(ctx)
  if (!body.ok) return fail(body.error)
  const login = field(body.value, op.fields.login ?? [], MAX_FIELD_LENGTH)
  if (!login.ok) return fail(login.error)
  const password = field(body.value, op.fields.password ?? [], MAX_PASSWORD_LENGTH)
  if (!password.ok) return fail(password.error)
  if (login.value === undefined || password.value === undefined) return fail({ code: 'invalid_request', message: `Send ${names(op.fields.login)} and ${names(op.fields.password)}.` })
  const outcome = passwordSignIn(ctx, { login: login.value, password: password.value })
  if (!outcome.ok) {
    // A contract has no second-factor step: say so rather than pretend the password was wrong.
    if (outcome.error === 'mfa_required') return fail({ code: 'unauthenticated', message: 'This user has a second factor, and the contract defines no MFA step: sign in with a user without mfa.' })
    if (outcome.error === 'email_not_verified') return fail({ code: outcome.error })
    return fail({ code: outcome.error, headers: { 'www-authenticate': bearerChallenge() } })
  }
  const issued = await issueTokens(ctx, contract, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, op.cookies)
  return answer(op.status, op.body(issued.vars), issued.cookies)
}

/** Sign-up: username, email, password and name from the contract's field names, signed in at once. */
export async function contractRegister({ ctx, op, contract, fail }: ContractRouteArgs): Promise<AuthResult> {
  const body = await readBody(ctx)
  if (!body.ok) return fail(body.error)
  const input: Partial<Registration> = {}
  for (const key of ['username', 'email', 'password', 'name'] as const) {
    const read = field(body.value, op.fields[key] ?? [], key === 'password' ? MAX_PASSWORD_LENGTH : MAX_FIELD_LENGTH)
    if (!read.ok) return fail(read.error)
    if (read.value !== undefined) input[key] = read.value
  }
  if ((input.username === undefined && input.email === undefined) || input.password === undefined) {
    return fail({ code: 'invalid_request', message: `Send ${names([...(op.fields.username ?? []), ...(op.fields.email ?? [])])} and ${names(op.fields.password)}.` })
  }
  // The verification mail (every sign-up with an email gets one) links to the origin asked.
  const origin = new URL(ctx.request.url).origin
  const outcome = registerUser(ctx, input as Registration, (token) => `${origin}/verify-email?token=${encodeURIComponent(token)}`)
  if (!outcome.ok) return fail({ code: outcome.error })
  // A scenario requiring verified emails: the user exists, no session yet, so the body has no tokens.
  if (outcome.verificationRequired) return answer(op.status, op.body({ user: publicUser(outcome.user) }))
  const issued = await issueTokens(ctx, contract, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, op.cookies)
  return answer(op.status, op.body(issued.vars), issued.cookies)
}

/** Refresh: the refresh token from the contract's sources, rotated by the core (reuse revokes the family). */
export async function contractRefresh({ ctx, op, contract, fail }: ContractRouteArgs): Promise<AuthResult> {
  let fields
  if (readsBody(op.refreshToken)) {
    const body = await readBody(ctx)
    if (!body.ok) return fail(body.error)
    fields = body.value
  }
  const presented = fromSources(ctx, op.refreshToken, fields)
  if (!presented || !('token' in presented)) return fail(challenged('invalid_refresh_token', undefined))
  const outcome = rotateRefresh(ctx, presented.token)
  if (!outcome.ok) return fail(challenged(outcome.error, outcome.description))
  const issued = await issueTokens(ctx, contract, outcome.user, outcome.session, outcome.refreshToken, outcome.accessMs, op.cookies)
  return answer(op.status, op.body(issued.vars), issued.cookies)
}

/** RFC 6750 §3: `error` in the challenge only when a credential was presented. */
export function challenged(code: ProtocolError['code'], description: string | undefined): ProtocolError {
  return { code, headers: { 'www-authenticate': description === undefined ? bearerChallenge() : bearerChallenge({ description }) } }
}

function names(list: readonly string[] | undefined): string {
  return (list ?? []).map((n) => `"${n}"`).join(' or ')
}
