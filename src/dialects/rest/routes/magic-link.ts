import type { RouteContext } from '../../../core/context.js'
import { startSession } from '../../../core/issue.js'
import { consumeMagicLink, requestMagicLink } from '../../../core/operations/magic-link.js'
import { emptyResult, errorResult, jsonResult, type AuthResult } from '../../../core/result.js'
import { ownRoute, readFields, resolveRedirect, withToken } from '../flow-body.js'

/**
 * `POST /api/auth/magic-link { email, redirectTo? }`: mails a link to `GET <base>/magic-link/verify?token=`.
 * Any address gets one (an unknown one is signed up when it is followed), so the answer tells nothing.
 */
export async function magicLink(ctx: RouteContext): Promise<AuthResult> {
  const read = await readFields(ctx, ['email'], ['redirectTo'])
  if (!read.ok) return read.result
  const target = resolveRedirect(ctx, read.fields.redirectTo, '/')
  if (!target.ok) return target.result
  const verify = ownRoute(ctx, '/magic-link/verify')
  requestMagicLink(ctx, { email: read.fields.email, redirectTo: target.url.href }, (token) => withToken(verify, token))
  return jsonResult(200, { message: 'A sign-in link is on its way.' })
}

/**
 * Following the link. `GET /magic-link/verify?token=` is what a browser does with the mail: it
 * sets the session cookies and answers 302 to `redirectTo` (RFC 9110 §15.4.3). `POST` with
 * `{ token }` is the JSON form for apps that read the token themselves: the normal sign-in answer.
 */
export async function magicLinkVerify(ctx: RouteContext): Promise<AuthResult> {
  const get = ctx.request.method.toUpperCase() === 'GET'
  let token: string | undefined
  if (get) token = new URL(ctx.request.url).searchParams.get('token') ?? undefined
  else {
    const read = await readFields(ctx, ['token'])
    if (!read.ok) return read.result
    token = read.fields.token
  }
  if (!token) return errorResult('invalid_request', { message: 'Open the link from the mail: it carries "?token=".' })
  const outcome = consumeMagicLink(ctx, token, () => `user-${crypto.randomUUID()}`)
  if (!outcome.ok) return errorResult(outcome.error)
  const answer = await startSession(ctx, outcome.user, 200, 'Authenticated')
  if (!get) return answer
  const redirect = emptyResult(302, { location: outcome.redirectTo ?? '/' })
  redirect.cookies = answer.cookies
  return redirect
}
