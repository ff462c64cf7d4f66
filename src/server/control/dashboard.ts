import { readFile } from 'node:fs/promises'
import { errorResult, type AuthResult } from '../../core/kernel.js'
import type { ControlContext } from './context.js'

/** The dashboard's compiled modules (`src/dashboard/`), the only files served: no path ever reaches the disk. */
const ASSETS = new Set(['page.js', 'ui.js', 'sections.js', 'dom.js', 'styles.js', 'control-client.js'])

// Self-contained and offline: no CDN, no font, nothing the page loads from anywhere but this server.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>mock-auth</title>
</head>
<body style="margin:0">
<noscript>The mock-auth dashboard needs JavaScript; the control API under /__mock-auth/ works without it.</noscript>
<script type="module" src="/__mock-auth/assets/page.js"></script>
</body>
</html>
`

/**
 * A same-origin page only: it may not be framed (clickjacking, RFC 7034) nor load anything from
 * elsewhere (CSP `default-src 'self'`), so a foreign page can neither show nor script it.
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
}

/** `GET /__mock-auth/`: the dashboard page. */
export function getDashboard(): AuthResult {
  return { status: 200, headers: { ...PAGE_HEADERS }, cookies: [], body: PAGE }
}

/** `GET /__mock-auth/assets/<file>`: one of the dashboard's modules, read from the package itself. */
export async function getAsset({ param = '' }: ControlContext & { param?: string }): Promise<AuthResult> {
  if (!ASSETS.has(param)) return errorResult('not_found', { message: `No dashboard asset "${param}". Open /__mock-auth/ for the dashboard.` })
  let body: string
  try {
    body = await readFile(new URL(`../../dashboard/${param}`, import.meta.url), 'utf8')
  } catch {
    return errorResult('not_found', { message: `The dashboard asset ${param} is missing: run "npm run build" (the dashboard ships compiled in dist/).` })
  }
  return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }, cookies: [], body }
}
