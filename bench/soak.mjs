// `npm run soak`: mixed traffic against `mock-auth serve` for SOAK_SECONDS (default 600) with the
// server's RSS sampled every SOAK_SAMPLE_MS (5000). Passes when no answer was a 5xx or a wrong
// status, and RSS at the end is within 10% of RSS after warm-up. Not part of CI.
import { readFileSync } from 'node:fs'
import { launch } from './lib/servers.mjs'
import { median } from './lib/stats.mjs'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600)
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 5000)
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8)
const TOLERANCE = 0.1
const log = (line) => process.stderr.write(`${line}\n`)

const server = await launch('mockAuth')
const origin = server.origin
const counts = { flows: 0, requests: 0, unexpected: 0 }
const problems = []

/** One request; `expect` is the status it must answer (or a list of them). */
async function call(method, path, { body, headers = {}, ns = 'soak', expect = 200 } = {}) {
  const init = { method, headers: { 'x-mock-auth-namespace': ns, ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers['content-type'] ??= 'application/json'
  }
  const response = await fetch(origin + path, init)
  const text = await response.text()
  counts.requests++
  const ok = Array.isArray(expect) ? expect.includes(response.status) : response.status === expect
  if (!ok || response.status >= 500) {
    counts.unexpected++
    if (problems.length < 20) problems.push(`${method} ${path} [${ns}]: ${response.status} ${text.slice(0, 160)} (expected ${expect})`)
  }
  return text === '' ? {} : JSON.parse(text)
}

const bearer = (token) => ({ authorization: `Bearer ${token}` })
const signIn = (ns = 'soak', username = 'test') => call('POST', '/api/auth/login', { body: { username, password: username }, ns })

const FLOWS = [
  // The whole life of a session, ended by sign-out: state stays flat.
  [4, async () => {
    const t = await signIn()
    await call('GET', '/api/auth/session', { headers: { cookie: `session=${t.accessToken}` } })
    await call('GET', '/api/auth/me', { headers: bearer(t.accessToken) })
    const r = await call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } })
    await call('GET', '/api/auth/me', { headers: bearer(r.accessToken) })
    await call('POST', '/api/auth/logout', { headers: bearer(r.accessToken) })
  }],
  // Refresh reuse revokes the family.
  [1, async () => {
    const t = await signIn('soak', 'admin')
    await call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } })
    await call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken }, expect: 401 })
    await call('GET', '/api/auth/me', { headers: bearer(t.accessToken), expect: 401 })
  }],
  // Sign-ups in their own namespace, reset now and then by the janitor below.
  [2, async () => {
    const name = `soak-${Math.random().toString(36).slice(2)}`
    const t = await call('POST', '/api/auth/register', { body: { username: name, password: 'pw' }, ns: 'soak-register', expect: [201] })
    await call('GET', '/api/auth/me', { headers: bearer(t.accessToken ?? 'x'), ns: 'soak-register', expect: [200, 401] })
  }],
  // Abandoned sessions (no sign-out): collected once the janitor moves that namespace's clock.
  [1, async () => void (await signIn('soak-abandon'))],
  // Bad requests: each a 4xx JSON error.
  [2, async () => {
    await call('POST', '/api/auth/login', { body: '{"username":', expect: 400 })
    await call('POST', '/api/auth/login', { body: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 })
    await call('GET', '/api/auth/me', { headers: bearer('a.b.c'), expect: 401 })
    await call('PUT', '/api/auth/login', { expect: 405 })
    await call('GET', '/api/auth/nope', { expect: 404 })
    await call('POST', '/api/auth/login', { body: { username: 'test', password: 'wrong' }, expect: 401 })
  }],
]
const weighted = FLOWS.flatMap(([weight, flow]) => Array(weight).fill(flow))

function rssMB() {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024
}

const deadline = Date.now() + SECONDS * 1000
const samples = []
const sampler = setInterval(() => samples.push({ t: Math.round((Date.now() - deadline) / 1000 + SECONDS), rss: rssMB() }), SAMPLE_MS)
const janitor = setInterval(() => {
  void call('POST', '/__mock-auth/reset', { ns: 'soak-register' })
  void call('POST', '/__mock-auth/clock', { body: { advance: '9d' }, ns: 'soak-abandon' })
}, 15_000)

log(`soak: ${SECONDS} s of mixed traffic, ${WORKERS} workers, RSS every ${SAMPLE_MS} ms against ${origin}`)
try {
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      let i = w
      while (Date.now() < deadline) {
        await weighted[i++ % weighted.length]()
        counts.flows++
      }
    }),
  )
} finally {
  clearInterval(sampler)
  clearInterval(janitor)
  await server.stop()
}

// Warm-up: the first 45 s or tenth of the run, whichever is longer (V8 grows its heap to a steady
// size and the verified-token cache fills in that time). Compare the tenth right after it to the last tenth.
const tenth = Math.max(2, Math.floor(samples.length / 10))
const warm = Math.min(Math.floor(samples.length / 2), Math.max(tenth, Math.ceil(45_000 / SAMPLE_MS)))
const early = median(samples.slice(warm, warm + tenth).map((s) => s.rss))
const late = median(samples.slice(-tenth).map((s) => s.rss))
const growth = (late - early) / early
log(`RSS samples (s: MB): ${samples.map((s) => `${s.t}:${s.rss.toFixed(0)}`).join(' ')}`)
log(`${counts.flows} flows, ${counts.requests} requests (${Math.round(counts.requests / SECONDS)}/s), ${counts.unexpected} unexpected answers`)
log(`RSS after warm-up ${early.toFixed(1)} MB, at the end ${late.toFixed(1)} MB: ${(growth * 100).toFixed(1)}% (limit ${TOLERANCE * 100}%)`)
for (const problem of problems) log(`  unexpected: ${problem}`)
const flat = Number.isFinite(growth) && growth <= TOLERANCE
log(flat && counts.unexpected === 0 ? 'soak: PASS' : 'soak: FAIL')
process.exitCode = flat && counts.unexpected === 0 ? 0 : 1
