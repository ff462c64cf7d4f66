import type { Request } from '@playwright/test'
import type { AuthResult } from '../core/index.js'

const FOLLOWED_AS_GET = new Set([301, 302, 303])
const KEEPS_METHOD = new Set([307, 308])

/**
 * Playwright's routes never see the request a redirect leads to: the browser's network stack
 * follows it past the interception point ("as designed", microsoft/playwright#3994). A navigation
 * the mock redirects to another URL the mock answers (`/signin/google` → the provider's chooser →
 * the app's `/callback/google`) would then leave for the real network. Such a redirect is answered
 * instead as a small 200 page that goes on with `location.replace()`: a fresh navigation, which
 * the route does see, with the same cookies and no extra history entry. Anything else (a fetch, a
 * redirect to the app's own pages, a 307 of a POST) keeps its real status.
 */
export function hopRedirect(result: AuthResult, request: Request, answeredHere: (url: URL) => boolean): AuthResult {
  if (!request.isNavigationRequest()) return result
  const get = request.method().toUpperCase() === 'GET'
  if (!FOLLOWED_AS_GET.has(result.status) && !(get && KEEPS_METHOD.has(result.status))) return result
  const location = result.headers.location
  if (location === undefined) return result
  let target: URL
  try {
    target = new URL(location, request.url())
  } catch {
    return result
  }
  if (!answeredHere(target)) return result
  const { location: _dropped, ...headers } = result.headers
  // JSON.stringify quotes it for the script; `<` escaped so no `</script>` can close it early.
  const quoted = JSON.stringify(target.href).replace(/</g, '\\u003c')
  const href = target.href.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return {
    ...result,
    status: 200,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting (mock-auth)</title></head><body><script>location.replace(${quoted})</script><noscript><a href="${href}">Continue</a></noscript></body></html>\n`,
  }
}
