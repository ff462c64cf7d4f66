// A tiny static server for the example app (node:http, no dependencies), used by hand and by the
// Playwright tests. It serves examples/app/, the browser builds the app imports through its import
// map (/vendor/...), and, when `apiTarget` is set, proxies /api/auth, /.well-known and /__mock-auth
// to a running `mock-auth serve`: the app then talks to one origin, so its HttpOnly cookies stay
// first-party and no CORS preflight is needed (the same reason a Vite dev server proxies /api).
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

export const APP_ROOT = join(here, 'app')
export const REPO_ROOT = resolve(here, '..')

const PROXIED = [/^\/api\/auth(\/|$|\?)/, /^\/\.well-known\//, /^\/__mock-auth\//, /^\/oidc(\/|$|\?)/]
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/** Directories the import map points at, each served read-only under its own prefix. */
function vendorDirs() {
  return {
    '/vendor/mock-auth/': join(REPO_ROOT, 'dist'),
    '/vendor/jose/': dirname(require.resolve('jose')),
  }
}

/**
 * Browser ES modules built from packages that do not ship one: cookie@1 is CommonJS (no
 * `require` inside, so a function wrapper is enough) and msw ships an IIFE whose top-level
 * `var MockServiceWorker` holds every export.
 */
function vendorModules(mswDir) {
  const cookieSource = readFileSync(require.resolve('cookie'), 'utf8')
  const mswSource = readFileSync(join(mswDir, 'lib', 'iife', 'index.js'), 'utf8')
  return {
    '/vendor/cookie.js': `const module = { exports: {} };\n(function (exports, module) {\n${cookieSource}\n})(module.exports, module);\n` +
      'export const { parseCookie, parse, stringifyCookie, stringifySetCookie, serialize, parseSetCookie } = module.exports;\nexport default module.exports;\n',
    '/vendor/msw.js': `${mswSource}\nexport const { http, HttpResponse, HttpHandler, RequestHandler, setupWorker, SetupWorkerApi, bypass, passthrough, delay, getResponse, graphql, ws, sse, cleanUrl, matchRequestUrl, isCommonAssetRequest } = MockServiceWorker;\n`,
  }
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** A path under `root`, or undefined when the URL tries to leave it (`..`, encoded or not). */
function safeJoin(root, urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  return file === root || file.startsWith(root + sep) ? file : undefined
}

function serveFile(res, file, method, notFoundHint) {
  let stat
  try {
    stat = statSync(file)
    if (stat.isDirectory()) {
      file = join(file, 'index.html')
      stat = statSync(file)
    }
  } catch {
    sendJson(res, 404, { error: 'not_found', message: notFoundHint ?? 'No such file in the example app.' })
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-store',
  })
  if (method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

/**
 * Forwards the request as is (cookies, namespace/scenario headers); every Set-Cookie comes back.
 * Host becomes the target's (mock-auth checks Host names); the app's own host and scheme go in
 * X-Forwarded-Host/-Proto, so the URLs mock-auth builds (a provider's authorize URL, the social
 * callback, mailed links) point back at this origin, as behind any reverse proxy.
 */
function proxy(req, res, target) {
  const forwarded = { 'x-forwarded-host': req.headers['x-forwarded-host'] ?? req.headers.host, 'x-forwarded-proto': req.headers['x-forwarded-proto'] ?? 'http' }
  const upstream = httpRequest(
    new URL(req.url ?? '/', target),
    { method: req.method, headers: { ...req.headers, ...(req.headers.host ? forwarded : {}), host: new URL(target).host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    },
  )
  upstream.on('error', (error) => {
    // The `network-error` scenario drops the connection: drop ours too, so the app sees the same.
    if (res.headersSent || error.code === 'ECONNRESET' || error.code === 'EPIPE') res.destroy()
    else sendJson(res, 502, { error: 'bad_gateway', message: `mock-auth serve at ${target} is not reachable (${error.code ?? error.message}). Start it with: npx mock-auth serve` })
  })
  req.pipe(upstream)
}

/**
 * Starts the example app server. `apiTarget` is the URL of a running `mock-auth serve`; without it,
 * /api/auth answers 502 `no_backend`, so a request the in-page mock missed can never pass silently.
 * `mswDir` serves another msw package's browser build and worker script (default: the installed msw).
 */
export async function startAppServer({ apiTarget, host = '127.0.0.1', port = 0, root = APP_ROOT, mswDir } = {}) {
  const dirs = vendorDirs()
  const modules = vendorModules(mswDir ?? dirname(require.resolve('msw/package.json')))
  // Another msw than the installed one (the Node 22 run's msw 3): its own worker script, as is.
  const workerScript = mswDir === undefined ? undefined : join(mswDir, 'lib', 'mockServiceWorker.js')
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (PROXIED.some((re) => re.test(req.url ?? ''))) {
      if (apiTarget) proxy(req, res, apiTarget)
      else sendJson(res, 502, { error: 'no_backend', message: 'This app server has no API target; start it with --api <mock-auth serve URL> or load the app with ?msw=1.' })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method} is not allowed on static files; use GET or HEAD.` })
      return
    }
    if (path in modules) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : modules[path])
      return
    }
    for (const [prefix, dir] of Object.entries(dirs)) {
      if (!path.startsWith(prefix)) continue
      const file = safeJoin(dir, path.slice(prefix.length))
      if (file) serveFile(res, file, req.method, prefix.includes('mock-auth') ? 'Not in dist/: run npm run build first.' : undefined)
      else sendJson(res, 400, { error: 'invalid_path', message: 'That path leaves the served directory.' })
      return
    }
    const file = path === '/mockServiceWorker.js' && workerScript ? workerScript : safeJoin(root, path)
    const hint = path === '/mockServiceWorker.js' ? 'No worker script: run npx msw init examples/app --no-save.' : undefined
    if (file) serveFile(res, file, req.method, hint)
    else sendJson(res, 400, { error: 'invalid_path', message: 'That path leaves the served directory.' })
  })
  await new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => ok(undefined))
  })
  const address = server.address()
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`
  return {
    url,
    server,
    close: () => new Promise((ok) => {
      server.close(() => ok(undefined))
      server.closeAllConnections()
    }),
  }
}
