import type { RouteContext } from '../../../core/context.js'
import { startSession } from '../../../core/issue.js'
import { verifyMfa } from '../../../core/operations/mfa-verify.js'
import { errorResult, type AuthResult } from '../../../core/result.js'
import { readFields } from '../flow-body.js'

/** `POST /api/auth/mfa/verify { challengeId, code }`: the second step of a sign-in that answered `mfaRequired`. */
export async function mfaVerify(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['challengeId', 'code'])
  if (!read.ok) return read.result
  const outcome = await verifyMfa(ctx, read.fields)
  if (outcome.ok) return startSession(ctx, outcome.user, 200, 'Authenticated')
  if (outcome.error === 'invalid_mfa_code') return errorResult(outcome.error, { extra: { attemptsLeft: outcome.attemptsLeft } })
  return errorResult(outcome.error)
}
