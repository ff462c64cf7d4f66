// Scale: p50/p99 of a session check and a sign-in with 1, 1k, 10k and 100k live sessions (levels
// interleaved, see below), RSS at each; then the engine clock moves past refresh expiry plus retention and the expired state is
// collected. In-process (no sockets), so the figures show the engine's data structures alone.
// Run with --expose-gc (run.mjs does) so RSS is measured after a full collection.
import { createEngine, EXPIRED_RETENTION_MS, mintTokens } from '../dist/src/core/index.js'
import { restDialect } from '../dist/src/dialects/index.js'
import { nodeSigner } from '../dist/src/server/node-signer.js'
import { builtinScenarios } from '../dist/scenarios/index.js'
import { percentile } from './lib/stats.mjs'

const LEVELS = (process.env.SCALE_LEVELS ?? '1,1000,10000,100000').split(',').map(Number)
// Session checks take ~5 us: 20,000 of them (0.1 s) per level. With 2,000 the p50 moved by 1-3 us
// between runs (JIT tier-ups, one scavenge more or less), more than any effect of the level.
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 20_000)
const gc = globalThis.gc ?? (() => undefined)

// Signed as `mock-auth serve` signs (node:crypto), so the figures are the server's.
// One user holds every session here (the bench measures the store at 100k sessions), so its per-user cap is lifted.
const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios, signer: nodeSigner, maxSessionsPerUser: 1_000_000 })
const headers = (values) => ({ get: (name) => values[name.toLowerCase()] ?? null })
const signInBody = new TextEncoder().encode(JSON.stringify({ username: 'test', password: 'test' }))
const signInRequest = (namespace) => ({
  method: 'POST',
  url: 'http://127.0.0.1/api/auth/login',
  headers: headers({ 'content-type': 'application/json', 'x-mock-auth-namespace': namespace }),
  body: [signInBody],
})
const sessionRequest = (token, namespace) => ({
  method: 'GET',
  url: 'http://127.0.0.1/api/auth/session',
  headers: headers({ authorization: `Bearer ${token}`, 'x-mock-auth-namespace': namespace }),
  body: null,
})

/** Times `n` requests; the raw microseconds with `raw`, else their p50/p99. */
async function timeEach(n, make, raw = false) {
  const times = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    const result = await engine.fetch(make(i))
    times.push((performance.now() - start) * 1000)
    if (result.status !== 200) throw new Error(`status ${result.status}: ${result.body}`)
  }
  return raw ? times : summarize(times)
}

function summarize(times) {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

/**
 * Heap in use and RSS once the level is built and the garbage of building it collected: two full
 * collections, a pause so V8 can hand freed pages back (its memory reducer runs on a timer), two more.
 */
async function memory() {
  gc()
  gc()
  await new Promise((resolve) => setTimeout(resolve, 300))
  gc()
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rssMB: rss / 1048576, heapMB: heapUsed / 1048576 }
}

/** Sign-ins timed at a level are revoked again, so each level keeps its session count. */
async function timeSignIns(state, namespace, n, raw = false) {
  const existing = new Set(state.store.sessions.keys())
  const timing = await timeEach(n, () => signInRequest(namespace), raw)
  for (const id of [...state.store.sessions.keys()]) if (!existing.has(id)) state.store.revokeSession(id)
  return timing
}

// Interleaved levels: every level lives in its own namespace of the one engine, built once in
// ascending order (RSS is read after each build, so "100k" holds 100k plus the smaller levels'
// 11k sessions), then ROUNDS rounds visit the levels in alternating order, each doing a slice of
// the checks and sign-ins. Run one level after another and the first level measures the warm-up
// (100k once came out faster than 1): interleaved, JIT tiers and machine load fall on all alike.
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 10)
const nsOf = (level) => `level-${level}`

// Warm-up (JIT) in a namespace of its own, then forgotten.
const warmState = engine.namespace('warm-up')
const warm = JSON.parse((await mintTokens(engine, { user: 'admin', namespace: 'warm-up' })).body).accessToken
await timeEach(SAMPLES, () => sessionRequest(warm, 'warm-up'))
await timeSignIns(warmState, 'warm-up', 2000)
engine.dropNamespace('warm-up')

const levels = []
const tokens = new Map()
for (const level of LEVELS) {
  const namespace = nsOf(level)
  const state = engine.namespace(namespace)
  // Live sessions as sign-in makes them (minting is sign-in without the password check).
  while (state.store.sessions.size < level - 1) await mintTokens(engine, { user: 'test', namespace })
  // The checked token is one of many users' many tokens: fresh, then checked SAMPLES times.
  tokens.set(level, JSON.parse((await mintTokens(engine, { user: 'admin', namespace })).body).accessToken)
  // Building 100k sessions in a tight loop leaves V8 a large collection to finish; timed at once,
  // the checks would measure that debt (p50 up to 1.4x in one run), not the store's lookups. A
  // settled heap first, as a test suite that signs in over minutes would have.
  levels.push({ level, namespace, sessions: state.store.sessions.size, ...await memory() })
}
const checks = new Map(LEVELS.map((level) => [level, []]))
const signIns = new Map(LEVELS.map((level) => [level, []]))
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...LEVELS].reverse() : LEVELS
  for (const level of order) {
    const namespace = nsOf(level)
    checks.get(level).push(...(await timeEach(Math.ceil(SAMPLES / ROUNDS), () => sessionRequest(tokens.get(level), namespace), true)))
    signIns.get(level).push(...(await timeSignIns(engine.namespace(namespace), namespace, Math.ceil(2000 / ROUNDS), true)))
  }
}
for (const entry of levels) {
  entry.sessionCheck = summarize(checks.get(entry.level))
  entry.signIn = summarize(signIns.get(entry.level))
  process.stderr.write(`  ${String(entry.level).padStart(6)} sessions: session p50 ${entry.sessionCheck.p50.toFixed(1)} us, sign-in p50 ${entry.signIn.p50.toFixed(1)} us, RSS ${entry.rssMB.toFixed(1)} MB\n`)
}
const state = engine.namespace(nsOf(LEVELS.at(-1)))

// Past the refresh token lifetime plus the retention of expired entries, then one request to
// trigger the sweep (at most once a clock minute).
const before = { sessions: state.store.sessions.size, refreshTokens: state.store.refreshTokenCount(), ...await memory() }
state.clock.advance(`${Math.ceil((engine.config.refreshTtlMs + EXPIRED_RETENTION_MS) / 1000) + 120}s`)
await engine.fetch(sessionRequest('x', state.name))
const after = { sessions: state.store.sessions.size, refreshTokens: state.store.refreshTokenCount(), ...await memory() }
process.stdout.write(`${JSON.stringify({ levels, collected: { before, after } })}\n`)
