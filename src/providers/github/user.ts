import { jsonResult, type AuthResult } from '../../core/kernel.js'
import { readBearer } from '../bearer.js'
import { effectiveClaims } from '../claims.js'
import type { ProviderContext } from '../context.js'
import { accountOf } from '../grants.js'
import type { ProviderAccount } from '../types.js'

const DOCS = 'https://docs.github.com/rest'
const EPOCH = '2020-01-01T00:00:00Z'

type Authorized = { ok: true; account: ProviderAccount; scope: string } | { ok: false; result: AuthResult }

/** api.github.com's check: `Authorization: token <t>` or `Bearer <t>`; 401 `Requires authentication` otherwise. */
function authorizeUser(ctx: ProviderContext): Authorized {
  const bearer = readBearer(ctx, ['token', 'bearer'])
  const account = bearer.ok && bearer.grant.sub !== undefined ? accountOf(ctx, bearer.grant.sub) : undefined
  if (!bearer.ok || !account) {
    const message = bearer.ok || bearer.presented ? 'Bad credentials' : 'Requires authentication'
    return { ok: false, result: jsonResult(401, { message, documentation_url: DOCS, status: '401' }, { 'www-authenticate': 'Bearer realm="mock-auth"' }) }
  }
  return { ok: true, account, scope: bearer.grant.scope }
}

function githubHeaders(scope: string): Record<string, string> {
  return { 'x-oauth-scopes': scope.split(/[ ,]+/).filter(Boolean).join(', '), 'x-github-media-type': 'github.v3' }
}

/** `GET /user`: GitHub's user object, with its integer `id` and `login`. */
export async function user(ctx: ProviderContext): Promise<AuthResult> {
  const auth = authorizeUser(ctx)
  if (!auth.ok) return auth.result
  const { account } = auth
  const claims = effectiveClaims(ctx, account)
  const html = `https://github.com/${encodeURIComponent(account.login)}`
  return jsonResult(
    200,
    {
      login: account.login,
      id: account.id,
      node_id: `U_mock${account.id}`,
      avatar_url: typeof claims.picture === 'string' ? claims.picture : `https://mock-auth.invalid/avatars/${account.id}`,
      gravatar_id: '',
      url: `${ctx.issuer}/users/${encodeURIComponent(account.login)}`,
      html_url: html,
      type: 'User',
      site_admin: false,
      name: claims.name ?? null,
      company: claims.company ?? null,
      blog: '',
      location: null,
      // GitHub shows the public email, which a verified primary address becomes.
      email: claims.email_verified === false ? null : (claims.email ?? null),
      hireable: null,
      bio: null,
      public_repos: 0,
      followers: 0,
      following: 0,
      created_at: EPOCH,
      updated_at: EPOCH,
    },
    githubHeaders(auth.scope),
  )
}

/** `GET /user/emails`: the account's address as primary, `verified` from `email_verified`. */
export async function userEmails(ctx: ProviderContext): Promise<AuthResult> {
  const auth = authorizeUser(ctx)
  if (!auth.ok) return auth.result
  const claims = effectiveClaims(ctx, auth.account)
  return jsonResult(200, [{ email: claims.email ?? auth.account.email, primary: true, verified: claims.email_verified !== false, visibility: 'public' }], githubHeaders(auth.scope))
}
