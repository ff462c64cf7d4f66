import { jsonResult, type AuthResult } from '../../core/kernel.js'
import { authenticateClient } from '../client-auth.js'
import type { ProviderContext } from '../context.js'
import { readParams } from '../fields.js'
import { runGrant } from '../grants.js'
import type { TokenAnswer } from '../issue.js'
import { NO_STORE, type OAuthErrorCode } from '../oauth-errors.js'

/** GitHub's names for the token endpoint's refusals. */
const GITHUB_ERRORS: Partial<Record<OAuthErrorCode, string>> = {
  invalid_grant: 'bad_verification_code',
  invalid_client: 'incorrect_client_credentials',
}

/**
 * `POST /login/oauth/access_token` as GitHub answers it: form-encoded
 * (`access_token=...&scope=...&token_type=bearer`) unless `Accept` asks for JSON, and refusals
 * with status 200 and an `error` field (`bad_verification_code`, `incorrect_client_credentials`,
 * `redirect_uri_mismatch`), as github.com does. `grant_type` defaults to authorization_code.
 */
export async function accessToken(ctx: ProviderContext): Promise<AuthResult> {
  const read = await readParams(ctx)
  if (!read.ok) return read.result
  const params = { ...read.params, grant_type: read.params.grant_type ?? 'authorization_code' }
  const client = authenticateClient(ctx, params)
  if (!client.ok) {
    const body = JSON.parse(client.result.body ?? '{}') as { error_description?: string }
    return answer(ctx, { error: 'incorrect_client_credentials', error_description: body.error_description ?? 'The client_id and/or client_secret passed are incorrect.' })
  }
  const outcome = await runGrant(ctx, params, client, { redirectUriOptional: true })
  if (!outcome.ok) {
    const error = /redirect_uri/.test(outcome.description) ? 'redirect_uri_mismatch' : (GITHUB_ERRORS[outcome.error] ?? outcome.error)
    return answer(ctx, { error, error_description: outcome.description, error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors' })
  }
  return answer(ctx, githubTokens(outcome.answer))
}

/** GitHub says `token_type=bearer` in lower case and lists scopes comma-separated. */
function githubTokens(tokens: TokenAnswer): Record<string, string | number> {
  const out: Record<string, string | number> = { access_token: tokens.access_token, token_type: 'bearer', scope: tokens.scope.split(/[ ,]+/).filter(Boolean).join(',') }
  if (tokens.refresh_token !== undefined) {
    out.expires_in = tokens.expires_in
    out.refresh_token = tokens.refresh_token
  }
  return out
}

function answer(ctx: ProviderContext, body: Record<string, string | number>): AuthResult {
  const accept = ctx.request.headers.get('accept') ?? ''
  if (/application\/(?:[\w.+-]+\+)?json/i.test(accept)) return jsonResult(200, body, NO_STORE)
  const form = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString()
  return { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...NO_STORE }, cookies: [], body: form }
}
