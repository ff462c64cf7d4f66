import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, startServer } from './spawn.mjs'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BENCH = join(ROOT, 'bench')
const node = process.execPath
const bin = (pkg, file) => join(BENCH, 'node_modules', pkg, file)

/** NODE_ENV unset for every child alike (mock-auth refuses production, Express changes its ways). */
const ENV = { NODE_ENV: '' }

/** A json-server-auth database in a temp dir (json-server writes to it). */
function jsaDb() {
  const dir = mkdtempSync(join(tmpdir(), 'mock-auth-bench-'))
  writeFileSync(join(dir, 'db.json'), JSON.stringify({ users: [] }))
  return dir
}

/** A users file in a temp dir, for `serve --users`. */
export function usersFile(users) {
  const file = join(mkdtempSync(join(tmpdir(), 'mock-auth-bench-users-')), 'users.json')
  writeFileSync(file, JSON.stringify(users))
  return file
}

/** How to start each server on a given port, and a URL that answers once it is up. */
export const SERVERS = {
  bare: (port) => ({ command: node, args: [join(BENCH, 'servers/bare-http.mjs')], env: { ...ENV, PORT: String(port) }, probeUrl: `http://127.0.0.1:${port}/` }),
  express: (port) => ({ command: node, args: [join(BENCH, 'servers/express-hello.mjs')], env: { ...ENV, PORT: String(port) }, probeUrl: `http://127.0.0.1:${port}/` }),
  mockAuth: (port) => ({
    command: node,
    args: [join(ROOT, 'dist/bin/mock-auth.js'), 'serve', '--port', String(port)],
    env: ENV,
    probeUrl: `http://127.0.0.1:${port}/api/auth/session`,
  }),
  // The throughput server: the same CLI with the bench's users (see BENCH_USERS); cold start keeps plain `serve`.
  mockAuthUsers: (port, { users }) => ({
    command: node,
    args: [join(ROOT, 'dist/bin/mock-auth.js'), 'serve', '--port', String(port), '--users', users],
    env: ENV,
    probeUrl: `http://127.0.0.1:${port}/api/auth/session`,
  }),
  // A dialect's server (bench/lib/dialect-suite.mjs): the same CLI, the bench's users, `--dialect`.
  mockAuthDialect: (port, { users, dialect, secret }) => ({
    command: node,
    // rest takes --secret as an HS256 key: it keeps its ES256 default, as the throughput rows do.
    args: [join(ROOT, 'dist/bin/mock-auth.js'), 'serve', '--port', String(port), '--users', users, '--dialect', dialect, ...(dialect === 'rest' ? [] : ['--secret', secret])],
    env: ENV,
    probeUrl: `http://127.0.0.1:${port}/api/auth/${dialect === 'better-auth' ? 'get-session' : 'session'}`,
  }),
  oauth2: (port) => ({
    command: node,
    args: [bin('oauth2-mock-server', 'dist/oauth2-mock-server.mjs'), '-a', '127.0.0.1', '-p', String(port)],
    env: ENV,
    probeUrl: `http://127.0.0.1:${port}/jwks`,
  }),
  jsa: (port) => {
    const cwd = jsaDb()
    return {
      command: node,
      args: [bin('json-server-auth', 'dist/bin.js'), 'db.json', '--port', String(port), '--host', '127.0.0.1', '--quiet'],
      cwd,
      env: ENV,
      probeUrl: `http://127.0.0.1:${port}/users`,
    }
  },
}

export const LABELS = {
  node: 'node -e 0',
  bare: 'node:http JSON',
  express: 'Express 5 hello',
  mockAuth: 'mock-auth serve',
  oauth2: 'oauth2-mock-server',
  jsa: 'json-server-auth',
}

/** Starts one server on a fresh port; resolves with its origin too. */
export async function launch(name, options = {}) {
  const port = await freePort()
  const spec = SERVERS[name](port, options)
  const running = await startServer(spec)
  return { ...running, name, origin: `http://127.0.0.1:${port}` }
}

