import { consumeMagicLink, openSession, requestMagicLink, type AuthResult } from '../../../core/index.js'
import { pageUrl, redirect } from '../answers.js'
import type { NextAuthHandler } from '../context.js'
import { issueSessionCookie, sessionMaxAgeMs } from '../session-token.js'
import { missingCsrf } from './callback.js'

/** The email provider as `GET /providers` lists it (id `email`, type `email`: the client posts to `/signin/email`). */
export function emailProvider(base: string): Record<string, string> {
  return { id: 'email', name: 'Email', type: 'email', signinUrl: `${base}/signin/email`, callbackUrl: `${base}/callback/email` }
}

/** next-auth's default `normalizeIdentifier`: lower case, trimmed, one domain. */
function normalize(email: string): string {
  const [local = '', domain = ''] = email.toLowerCase().trim().split('@')
  return `${local}@${domain.split(',')[0] ?? ''}`
}

/**
 * `POST /signin/email` (form `email`, `csrfToken`, `callbackUrl`, `json`): what
 * `signIn('email', { email, redirect: false })` sends. The core's `magicLink` mails
 * `<base>/callback/email?callbackUrl=&token=&email=` (next-auth's link) and the answer is the
 * redirect to `/verify-request?provider=email&type=email`; no email → `error=EmailSignin`.
 */
export const emailSignIn: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const headers = ctx.request.headers
  if (!req.csrfVerified) return missingCsrf(kit, req, headers)
  const raw = req.fields.email
  if (typeof raw !== 'string' || raw.trim() === '' || !raw.includes('@')) return redirect(kit.wire, req, headers, pageUrl(req.base, 'error', { error: 'EmailSignin' }), req.cookies)
  const email = normalize(raw)
  requestMagicLink(ctx, { email }, (token) => `${req.base}/callback/email?${new URLSearchParams({ callbackUrl: req.callbackUrl, token, email })}`)
  return redirect(kit.wire, req, headers, pageUrl(req.base, 'verify-request', { provider: 'email', type: 'email' }), req.cookies)
}

/**
 * `GET /callback/email?callbackUrl=&token=&email=`: following the mailed link. The token (single
 * use, the core's 15 minutes) must belong to that email; then a session, the session cookie and a
 * 302 to the callback URL. Anything else: 302 to `/error?error=Verification`, as next-auth does.
 */
export const emailCallback: NextAuthHandler = async (ctx, req, kit): Promise<AuthResult> => {
  const query = new URL(ctx.request.url, req.origin).searchParams
  const email = normalize(query.get('email') ?? '')
  const outcome = consumeMagicLink(ctx, query.get('token') ?? '', () => `user-${crypto.randomUUID()}`)
  if (!outcome.ok || outcome.user.email?.toLowerCase() !== email) {
    return redirect(kit.wire, req, { get: () => null }, pageUrl(req.base, 'error', { error: 'Verification' }), kit.wire.errorsKeepCookies ? req.cookies : [])
  }
  const opened = openSession(ctx, outcome.user)
  const { cookie } = await issueSessionCookie(ctx, kit.jwe, req.names, outcome.user, opened.session, sessionMaxAgeMs(ctx, 'sign-in'))
  return redirect(kit.wire, req, { get: () => null }, req.callbackUrl, [...req.cookies, cookie])
}

/** `GET /verify-request`: the "check your email" page next-auth shows after an email sign-in. */
export const verifyRequestPage: NextAuthHandler = async (_ctx, req) => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  cookies: req.cookies,
  body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check your email (mock-auth)</title></head><body>\n<h1>Check your email</h1><p>A sign-in link has been sent to your email address (mock-auth keeps it in its mailbox).</p>\n</body></html>\n',
})
