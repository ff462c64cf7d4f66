// What a team's Vitest suite pays for mock-auth: real `vitest run` processes over generated test
// files, in bench/.suite/ (git-ignored), where `mock-auth` is this package (a symlink, loaded by
// Node natively as an installed dependency would be, not transformed by Vite). Prints one JSON line.
//   - suite: a SUITE_TESTS-test file, each test signing in, checking the session and /me with the
//     new token, and signing out, through `mock-auth/vitest` (setupMockAuth: a reset after every
//     test) against the same four requests on hand-written static msw handlers (the baseline: what
//     a team writes without mock-auth, JSON constants; the sign-in reads the body, as a handler
//     telling good from bad credentials must; `server.resetHandlers()` after each test). Measured:
//     the tests phase, timed inside the file from a `beforeAll` registered first to an `afterAll`
//     that runs last (listen, the tests, the resets, close), so Vitest's start-up is left out.
//   - import: a one-test file importing `mock-auth/vitest` and calling `setupMockAuth()` against
//     one importing `msw/node` and calling `setupServer()` (the baseline: msw alone), each test a
//     bare assertion. Measured: the whole `vitest run` process, spawn to exit.
// Every pair runs interleaved (the order alternates), so a neighbour's load falls on both.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH, ROOT } from './lib/servers.mjs'
import { median } from './lib/stats.mjs'

const SUITE_TESTS = Number(process.env.SUITE_TESTS ?? 2000)
const SUITE_ROUNDS = Number(process.env.SUITE_ROUNDS ?? 3)
const IMPORT_RUNS = Number(process.env.IMPORT_RUNS ?? 8)
const DIR = join(BENCH, '.suite')
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs')

const flow = (base) => `
const BASE = '${base}'
const json = { 'content-type': 'application/json' }
async function flow() {
  const login = await fetch(BASE + '/login', { method: 'POST', headers: json, body: JSON.stringify({ username: 'test', password: 'test' }) })
  expect(login.status).toBe(200)
  const { accessToken } = await login.json()
  const bearer = { authorization: 'Bearer ' + accessToken }
  const session = await fetch(BASE + '/session', { headers: bearer })
  expect((await session.json()).authenticated).toBe(true)
  const me = await fetch(BASE + '/me', { headers: bearer })
  expect((await me.json()).user.username).toBe('test')
  const out = await fetch(BASE + '/logout', { method: 'POST', headers: bearer })
  expect(out.status).toBe(200)
  await out.json()
}
`
/** A `beforeAll` registered first and an `afterAll` that runs last (Vitest runs after-hooks as a stack). */
const timer = `
let started = 0
beforeAll(() => { started = performance.now() })
afterAll(() => { writeFileSync(process.env.SUITE_TIMING, String(performance.now() - started)) })
`
const tests = `for (let i = 0; i < ${SUITE_TESTS}; i++) it('flow ' + i, flow)\n`

const FILES = {
  'mock-auth.suite.test.mjs': `import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
${timer}
import { setupMockAuth } from 'mock-auth/vitest'
setupMockAuth({ listen: { onUnhandledRequest: 'error' } })
${flow('http://app.test/api/auth')}
${tests}`,
  'static.suite.test.mjs': `import { writeFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
${timer}
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
const user = { id: 'user123', username: 'test', email: 'test@example.com', name: 'Test User', roles: ['user'] }
const accessToken = 'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ1c2VyMTIzIn0.c2lnbmF0dXJl'
const server = setupServer(
  http.post('*/api/auth/login', async ({ request }) => {
    const { username, password } = await request.json()
    if (username !== 'test' || password !== 'test') return HttpResponse.json({ error: 'invalid_credentials' }, { status: 401 })
    return HttpResponse.json({ message: 'Authenticated', user, accessToken, refreshToken: 'refresh', tokenType: 'Bearer', expiresIn: 900 })
  }),
  http.get('*/api/auth/session', () => HttpResponse.json({ authenticated: true, user, expiresAt: '2030-01-01T00:00:00.000Z' })),
  http.get('*/api/auth/me', () => HttpResponse.json({ user })),
  http.post('*/api/auth/logout', () => HttpResponse.json({ message: 'Signed out', revoked: true })),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
${flow('http://app.test/api/auth')}
${tests}`,
  'mock-auth.import.test.mjs': `import { expect, it } from 'vitest'
import { setupMockAuth } from 'mock-auth/vitest'
const auth = setupMockAuth()
it('is set up', () => { expect(auth.handlers.length).toBeGreaterThan(0) })
`,
  'msw.import.test.mjs': `import { expect, it } from 'vitest'
import { setupServer } from 'msw/node'
const server = setupServer()
it('is set up', () => { expect(server.listHandlers()).toEqual([]) })
`,
  // Loaded by Node, not transformed: `mock-auth` resolves (through the symlink) to this package's dist/.
  // (A RegExp: Vitest matches a string entry against package names, not paths.)
  'vitest.config.mjs': `export default { test: { include: ['*.test.mjs'], server: { deps: { external: [new RegExp(${JSON.stringify(escapeRegExp(join(ROOT, 'dist/')))})] } } } }\n`,
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function prepare() {
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(join(DIR, 'node_modules'), { recursive: true })
  symlinkSync(ROOT, join(DIR, 'node_modules/mock-auth'), 'dir')
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(DIR, name), text)
}

/** One `vitest run FILE`; resolves with the process's wall time and, for suites, the tests phase. */
function vitest(file) {
  const timing = join(DIR, `${file}.ms`)
  rmSync(timing, { force: true })
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', file, '--config', 'vitest.config.mjs', '--reporter=dot'], {
      cwd: DIR,
      env: { ...process.env, SUITE_TIMING: timing, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.once('error', reject)
    child.once('exit', (code) => {
      const wallMs = performance.now() - started
      if (code !== 0) return reject(new Error(`vitest run ${file} exited with ${code}:\n${out.slice(-3000)}`))
      let testsMs
      try {
        testsMs = Number(readFileSync(timing, 'utf8'))
      } catch {
        testsMs = undefined
      }
      resolve({ wallMs, testsMs })
    })
  })
}

async function pairs(a, b, runs) {
  const out = { [a]: [], [b]: [] }
  for (let i = 0; i < runs; i++) {
    for (const file of i % 2 ? [b, a] : [a, b]) out[file].push(await vitest(file))
  }
  return out
}

prepare()
// Warm-up: the first vitest start of a session pays for the disk cache.
await vitest('msw.import.test.mjs')
await vitest('mock-auth.import.test.mjs')
const log = (line) => process.stderr.write(`${line}\n`)
const imports = await pairs('mock-auth.import.test.mjs', 'msw.import.test.mjs', IMPORT_RUNS)
const importMock = imports['mock-auth.import.test.mjs'].map((r) => r.wallMs)
const importMsw = imports['msw.import.test.mjs'].map((r) => r.wallMs)
log(`  one-test file, whole process: mock-auth/vitest median ${Math.round(median(importMock))} ms, msw/node ${Math.round(median(importMsw))} ms`)
const suites = await pairs('mock-auth.suite.test.mjs', 'static.suite.test.mjs', SUITE_ROUNDS)
const suiteMock = suites['mock-auth.suite.test.mjs']
const suiteStatic = suites['static.suite.test.mjs']
log(
  `  ${SUITE_TESTS}-test file, tests phase: mock-auth/vitest median ${Math.round(median(suiteMock.map((r) => r.testsMs)))} ms, ` +
    `static msw handlers ${Math.round(median(suiteStatic.map((r) => r.testsMs)))} ms`,
)
process.stdout.write(
  `${JSON.stringify({
    suiteTests: SUITE_TESTS,
    importRuns: IMPORT_RUNS,
    import: { mockAuthMs: importMock, mswMs: importMsw },
    // Per pair: the ratio within one interleaved pair, which a load change between pairs cannot move.
    importPairRatios: importMock.map((ms, i) => ms / importMsw[i]),
    suite: { mockAuthTestsMs: suiteMock.map((r) => r.testsMs), staticTestsMs: suiteStatic.map((r) => r.testsMs), mockAuthWallMs: suiteMock.map((r) => r.wallMs), staticWallMs: suiteStatic.map((r) => r.wallMs) },
    suitePairRatios: suiteMock.map((r, i) => r.testsMs / suiteStatic[i].testsMs),
  })}\n`,
)
