// Playwright: PW_TESTS tests through the `mock-auth/playwright` fixture (in-process mode: the
// test's own engine behind `context.route`) against the same tests on `page.route` with static
// JSON (the baseline: what a team writes without mock-auth). One worker, Debian's Chromium. Each
// test opens the app's page (routed HTML, the same in both) and, from the page, signs in, checks
// the session (cookie) and /me (bearer) and signs out. Generated into bench/.playwright/ (git-ignored),
// where `mock-auth` is this package (a symlink). Measured: the sum of the tests' durations from
// Playwright's JSON report (each includes its fixtures: context, page, routes), so the browser's
// launch is left out; runs interleaved, the order alternating. Prints one JSON line.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH, ROOT } from './lib/servers.mjs'
import { median } from './lib/stats.mjs'

const PW_TESTS = Number(process.env.PW_TESTS ?? 40)
const PW_ROUNDS = Number(process.env.PW_ROUNDS ?? 3)
const DIR = join(BENCH, '.playwright')
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js')

const page = `
const APP = 'http://app.test'
const HTML = '<!doctype html><title>app</title><h1>app</h1>'
/** The page's four calls, with the browser's own cookie jar. */
async function flow(page) {
  await page.goto(APP + '/')
  const out = await page.evaluate(async () => {
    const json = { 'content-type': 'application/json' }
    const login = await fetch('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: 'test', password: 'test' }) })
    const { accessToken } = await login.json()
    const session = await (await fetch('/api/auth/session')).json()
    const me = await (await fetch('/api/auth/me', { headers: { authorization: 'Bearer ' + accessToken } })).json()
    const logout = await fetch('/api/auth/logout', { method: 'POST' })
    return { login: login.status, authenticated: session.authenticated, user: me.user.username, logout: logout.status }
  })
  expect(out).toEqual({ login: 200, authenticated: true, user: 'test', logout: 200 })
}
`
const tests = `for (let i = 0; i < ${PW_TESTS}; i++) test('flow ' + i, ({ page }) => flow(page))\n`

const FILES = {
  'mock-auth.spec.mjs': `import { expect, test } from 'mock-auth/playwright'
${page}
test.beforeEach(async ({ context }) => { await context.route(APP + '/', (route) => route.fulfill({ contentType: 'text/html', body: HTML })) })
${tests}`,
  'static.spec.mjs': `import { expect, test } from '@playwright/test'
${page}
const user = { id: 'user123', username: 'test', email: 'test@example.com', name: 'Test User', roles: ['user'] }
test.beforeEach(async ({ page }) => {
  await page.route(APP + '/', (route) => route.fulfill({ contentType: 'text/html', body: HTML }))
  await page.route('**/api/auth/login', (route) => route.fulfill({ json: { message: 'Authenticated', user, accessToken: 'a.b.c', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 } }))
  await page.route('**/api/auth/session', (route) => route.fulfill({ json: { authenticated: true, user, expiresAt: '2030-01-01T00:00:00.000Z' } }))
  await page.route('**/api/auth/me', (route) => route.fulfill({ json: { user } }))
  await page.route('**/api/auth/logout', (route) => route.fulfill({ json: { message: 'Signed out', revoked: true } }))
})
${tests}`,
  'playwright.config.mjs': `export default {
  testDir: '.',
  testMatch: '*.spec.mjs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  outputDir: './results',
  use: {
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
}
`,
}

function prepare() {
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(join(DIR, 'node_modules'), { recursive: true })
  symlinkSync(ROOT, join(DIR, 'node_modules/mock-auth'), 'dir')
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(DIR, name), text)
}

/** Sums the durations of every test in a Playwright JSON report. */
function testsMs(report) {
  let sum = 0
  let count = 0
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) for (const r of t.results) {
      if (r.status !== 'passed') throw new Error(`${spec.title}: ${r.status} ${JSON.stringify(r.errors).slice(0, 500)}`)
      sum += r.duration
      count++
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report.suites) walk(suite)
  if (count !== PW_TESTS) throw new Error(`expected ${PW_TESTS} tests, the report has ${count}`)
  return sum
}

function run(file) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'test', '-c', 'playwright.config.mjs', file, '--reporter=json'], { cwd: DIR, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (err += chunk))
    child.once('error', reject)
    child.once('exit', (code) => {
      const wallMs = performance.now() - started
      try {
        if (code !== 0) throw new Error(`exited with ${code}`)
        resolve({ wallMs, testsMs: testsMs(JSON.parse(out)) })
      } catch (error) {
        reject(new Error(`playwright test ${file}: ${error.message}\n${err.slice(-2000)}${out.slice(-2000)}`))
      }
    })
  })
}

prepare()
// Warm-up, both files once: the browser binary, and Playwright's transform cache of each spec (warming
// only the static one left the fixture's first round paying its cold cache, ~20% on that pair).
await run('static.spec.mjs')
await run('mock-auth.spec.mjs')
const results = { 'mock-auth.spec.mjs': [], 'static.spec.mjs': [] }
for (let i = 0; i < PW_ROUNDS; i++) {
  for (const file of i % 2 ? ['static.spec.mjs', 'mock-auth.spec.mjs'] : ['mock-auth.spec.mjs', 'static.spec.mjs']) results[file].push(await run(file))
}
const fixture = results['mock-auth.spec.mjs']
const statik = results['static.spec.mjs']
process.stderr.write(
  `  ${PW_TESTS} tests, sum of test durations: fixture median ${Math.round(median(fixture.map((r) => r.testsMs)))} ms, page.route static ${Math.round(median(statik.map((r) => r.testsMs)))} ms\n`,
)
process.stdout.write(
  `${JSON.stringify({
    tests: PW_TESTS,
    fixtureTestsMs: fixture.map((r) => r.testsMs),
    staticTestsMs: statik.map((r) => r.testsMs),
    fixtureWallMs: fixture.map((r) => r.wallMs),
    staticWallMs: statik.map((r) => r.wallMs),
    pairRatios: fixture.map((r, i) => r.testsMs / statik[i].testsMs),
  })}\n`,
)
