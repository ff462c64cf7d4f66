import type { AuthResult } from '../../../core/index.js'
import type { NextAuthHandler } from '../context.js'

/**
 * `GET /signin`, `/signout` and `/error`: the small HTML pages next-auth redirects a browser to.
 * The sign-in page has a working credentials form (a plain form post, answered with a 302 as
 * next-auth's own page is) and one "Sign in with <provider>" form per mock identity provider, the error page next-auth's statuses (`Configuration` 500,
 * `AccessDenied` and `Verification` 403, anything else 200).
 */
export const signInPage: NextAuthHandler = async (_ctx, req) => {
  const query = new URL(_ctx.request.url, req.origin).searchParams
  const error = query.get('error')
  const body = `${error ? `<p role="alert">Sign in failed: ${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(`${req.base}/callback/credentials`)}">
<input type="hidden" name="csrfToken" value="${escapeHtml(req.csrfToken)}">
<input type="hidden" name="callbackUrl" value="${escapeHtml(req.callbackUrl)}">
<label>Username or email <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in with Credentials</button>
</form>${[..._ctx.config.socialProviders.values()].map((p) => `
<form method="post" action="${escapeHtml(`${req.base}/signin/${p.id}`)}">
<input type="hidden" name="csrfToken" value="${escapeHtml(req.csrfToken)}">
<input type="hidden" name="callbackUrl" value="${escapeHtml(req.callbackUrl)}">
<button type="submit">Sign in with ${escapeHtml(p.name)}</button>
</form>`).join('')}`
  return page(200, 'Sign in', body, req.cookies)
}

export const signOutPage: NextAuthHandler = async (_ctx, req) =>
  page(200, 'Sign out', `<form method="post" action="${escapeHtml(`${req.base}/signout`)}">
<input type="hidden" name="csrfToken" value="${escapeHtml(req.csrfToken)}">
<p>Are you sure you want to sign out?</p><button type="submit">Sign out</button>
</form>`, req.cookies)

const ERROR_STATUS: Record<string, number> = { configuration: 500, accessdenied: 403, verification: 403 }

export const errorPage: NextAuthHandler = async (ctx, req) => {
  const error = new URL(ctx.request.url, req.origin).searchParams.get('error') ?? 'Default'
  return page(ERROR_STATUS[error.toLowerCase()] ?? 200, 'Error', `<h1>Error</h1><p data-error="${escapeHtml(error)}">${escapeHtml(error)}</p><p><a href="${escapeHtml(`${req.base}/signin`)}">Sign in</a></p>`, req.cookies)
}

function page(status: number, title: string, body: string, cookies: string[]): AuthResult {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} (mock-auth)</title></head><body>\n${body}\n</body></html>\n`
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, cookies, body: html }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
