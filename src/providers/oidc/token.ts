import { jsonResult, type AuthResult } from '../../core/kernel.js'
import { authenticateClient } from '../client-auth.js'
import type { ProviderContext } from '../context.js'
import { readParams } from '../fields.js'
import { runGrant } from '../grants.js'
import { NO_STORE, oauthError } from '../oauth-errors.js'

/** The token endpoint (RFC 6749 §3.2): JSON answers, errors as §5.2 (`invalid_client` 401). */
export async function token(ctx: ProviderContext): Promise<AuthResult> {
  const read = await readParams(ctx)
  if (!read.ok) return read.result
  const client = authenticateClient(ctx, read.params)
  if (!client.ok) return client.result
  const outcome = await runGrant(ctx, read.params, client)
  if (!outcome.ok) return oauthError(outcome.error, outcome.description)
  return jsonResult(200, outcome.answer, NO_STORE)
}
