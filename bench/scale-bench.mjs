// Scale: p50/p99 of a session check and a sign-in with 1, 1k, 10k and 100k live sessions, RSS at
// each; then the engine clock moves past refresh expiry plus retention and the expired state is
// collected. In-process (no sockets), so the figures show the engine's data structures alone.
// Run with --expose-gc (run.mjs does) so RSS is measured after a full collection.
import { createEngine, EXPIRED_RETENTION_MS, mintTokens } from '../dist/src/core/index.js'
import { nodeSigner } from '../dist/src/server/node-signer.js'
import { builtinScenarios } from '../dist/scenarios/index.js'
import { percentile } from './lib/stats.mjs'

const LEVELS = (process.env.SCALE_LEVELS ?? '1,1000,10000,100000').split(',').map(Number)
// Session checks take ~5 us: 20,000 of them (0.1 s) per level. With 2,000 the p50 moved by 1-3 us
// between runs (JIT tier-ups, one scavenge more or less), more than any effect of the level.
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 20_000)
const gc = globalThis.gc ?? (() => undefined)

// Signed as `mock-auth serve` signs (node:crypto), so the figures are the server's.
const engine = createEngine({ scenarios: builtinScenarios, signer: nodeSigner })
const state = engine.namespace()
const headers = (values) => ({ get: (name) => values[name.toLowerCase()] ?? null })
const signInBody = new TextEncoder().encode(JSON.stringify({ username: 'test', password: 'test' }))
const signInRequest = () => ({ method: 'POST', url: 'http://127.0.0.1/api/auth/login', headers: headers({ 'content-type': 'application/json' }), body: [signInBody] })
const sessionRequest = (token) => ({ method: 'GET', url: 'http://127.0.0.1/api/auth/session', headers: headers({ authorization: `Bearer ${token}` }), body: null })

async function timeEach(n, make) {
  const times = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    const result = await engine.fetch(make(i))
    times.push(performance.now() - start)
    if (result.status !== 200) throw new Error(`status ${result.status}: ${result.body}`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50) * 1000, p99: percentile(times, 99) * 1000 }
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
async function timeSignIns(n) {
  const existing = new Set(state.store.sessions.keys())
  const timing = await timeEach(n, signInRequest)
  for (const id of [...state.store.sessions.keys()]) if (!existing.has(id)) state.store.revokeSession(id)
  return timing
}

// Warm-up (JIT), then back to an empty store.
const warm = JSON.parse((await mintTokens(engine, { user: 'admin' })).body).accessToken
await timeEach(SAMPLES, () => sessionRequest(warm))
await timeSignIns(2000)
state.reset()

const levels = []
for (const level of LEVELS) {
  // Live sessions as sign-in makes them (minting is sign-in without the password check).
  while (state.store.sessions.size < level - 1) await mintTokens(engine, { user: 'test' })
  // The checked token is one of many users' many tokens: fresh, then checked SAMPLES times.
  const token = JSON.parse((await mintTokens(engine, { user: 'admin' })).body).accessToken
  // Building 100k sessions in a tight loop leaves V8 a large collection to finish; timed at once,
  // the checks would measure that debt (p50 up to 1.4x in one run), not the store's lookups. A
  // settled heap first, as a test suite that signs in over minutes would have.
  await memory()
  const session = await timeEach(SAMPLES, () => sessionRequest(token))
  const signIn = await timeSignIns(Math.min(SAMPLES, 2000))
  levels.push({ level, sessions: state.store.sessions.size, sessionCheck: session, signIn, ...await memory() })
  process.stderr.write(`  ${String(level).padStart(6)} sessions: session p50 ${session.p50.toFixed(1)} us, sign-in p50 ${signIn.p50.toFixed(1)} us, RSS ${levels.at(-1).rssMB.toFixed(1)} MB\n`)
}

// Past the refresh token lifetime plus the retention of expired entries, then one request to
// trigger the sweep (at most once a clock minute).
const before = { sessions: state.store.sessions.size, refreshTokens: state.store.refreshTokenCount(), ...await memory() }
state.clock.advance(`${Math.ceil((engine.config.refreshTtlMs + EXPIRED_RETENTION_MS) / 1000) + 120}s`)
await engine.fetch(sessionRequest('x'))
const after = { sessions: state.store.sessions.size, refreshTokens: state.store.refreshTokenCount(), ...await memory() }
process.stdout.write(`${JSON.stringify({ levels, collected: { before, after } })}\n`)
