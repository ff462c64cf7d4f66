import type { AuthResult } from '../core/index.js'
import type { Params } from './fields.js'
import type { Provider } from './types.js'

/** The value of the hidden field the Deny button sends: /authorize then answers `access_denied`. */
export const DECISION_PARAM = 'mock_auth_decision'

/**
 * The account chooser: one button per account and a Deny button. Each button submits the original
 * authorization parameters again with `login_hint` naming the account (which answers 302 at once)
 * or with the deny decision, so the page holds no state and needs no script. The page loads
 * nothing (CSP `default-src 'none'`), so it works offline.
 */
export function chooserPage(provider: Provider, action: string, params: Params, hintParam: string): AuthResult {
  const kept = Object.entries(params).filter(([key]) => key !== hintParam && key !== 'login_hint' && key !== DECISION_PARAM && key !== 'prompt')
  const hidden = kept.map(([key, value]) => `<input type="hidden" name="${escape(key)}" value="${escape(value ?? '')}">`).join('')
  const accounts = provider.accounts
    .map(
      (account) =>
        `<form method="get" action="${escape(action)}">${hidden}<input type="hidden" name="${escape(hintParam)}" value="${escape(account.email)}">` +
        `<button type="submit" class="account" data-account="${escape(account.email)}"><strong>${escape(account.name)}</strong><span>${escape(account.email)}</span></button></form>`,
    )
    .join('\n')
  const deny = `<form method="get" action="${escape(action)}">${hidden}<input type="hidden" name="${DECISION_PARAM}" value="deny"><button type="submit" class="deny">Deny</button></form>`
  const client = params.client_id ?? 'the application'
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in with ${escape(provider.name)} (mock)</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#202124}
h1{font-size:1.4rem}form{margin:.5rem 0}button{width:100%;padding:.75rem 1rem;text-align:left;border:1px solid #dadce0;border-radius:.5rem;background:#fff;cursor:pointer;font:inherit}
button.account span{display:block;color:#5f6368;font-size:.9rem}button.deny{text-align:center;color:#b3261e;margin-top:1rem}button:hover{background:#f1f3f4}
p.note{color:#5f6368;font-size:.85rem}</style></head>
<body><h1>Choose an account</h1><p>to continue to <strong>${escape(client)}</strong> with ${escape(provider.name)} (mock-auth)</p>
${accounts}
${deny}
<p class="note">A mock identity provider: no password is asked. Tests can skip this page with <code>login_hint</code> or by picking the next account.</p>
</body></html>`
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    },
    cookies: [],
    body: html,
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}
