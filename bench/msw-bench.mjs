// MSW in-process (msw/node setupServer): a sign-in through mock-auth's handlers against an msw
// handler that answers static JSON, in the same server. Run as a child of run.mjs; prints one JSON
// line. mock-auth is set up as docs/msw.md tells Node users to: `createMockAuth` from
// `mock-auth/node` (what `mock-auth/vitest`'s `setupMockAuth` uses too), its handlers first and the
// app's own handler after them, as `setupMockAuth({ handlers })` orders them.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockAuth } from '../dist/src/node/index.js'

const ROUNDS = Number(process.env.MSW_ROUNDS ?? 10)
const WINDOW_MS = Number(process.env.MSW_WINDOW_MS ?? 1000)
const ORIGIN = 'http://bench.test'

const mockAuth = createMockAuth({ baseUrl: `${ORIGIN}/api/auth` })
// For the figures only (not a target): the same sign-in with HS256, whose HMAC costs a few
// microseconds where an ES256 signature costs ~30-50, to show how much of the gap is the signature.
const HS_ORIGIN = 'http://bench-hs256.test'
const hs256 = createMockAuth({ baseUrl: `${HS_ORIGIN}/api/auth`, alg: 'HS256', secret: 'bench-secret-bench-secret-bench-secret' })
const server = setupServer(...mockAuth.handlers, ...hs256.handlers, http.post(`${ORIGIN}/static/login`, () => HttpResponse.json({ message: 'Authenticated', accessToken: 'static' })))
server.listen({ onUnhandledRequest: 'error' })

const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password: 'test' }) }
const items = {
  mockAuthSignIn: async () => {
    const response = await fetch(`${ORIGIN}/api/auth/login`, init)
    if (response.status !== 200) throw new Error(`mock-auth sign-in answered ${response.status}`)
    await response.json()
  },
  mockAuthSignInHs256: async () => {
    const response = await fetch(`${HS_ORIGIN}/api/auth/login`, init)
    if (response.status !== 200) throw new Error(`mock-auth HS256 sign-in answered ${response.status}`)
    await response.json()
  },
  staticJson: async () => {
    const response = await fetch(`${ORIGIN}/static/login`, init)
    await response.json()
  },
}

/** `n` sequential calls (as a test makes them); returns the milliseconds they took. */
async function timed(fn, n) {
  const start = performance.now()
  for (let i = 0; i < n; i++) await fn()
  return performance.now() - start
}

// Each round alternates short batches of the two items until both together have run for
// 2 x WINDOW_MS, then reports each item's calls per second within that round. Batches of
// BATCH calls (~10-20 ms) interleave the items finely, so a neighbour's burst of CPU on a shared
// machine lands on both instead of on whichever item had the whole second.
const BATCH = Number(process.env.MSW_BATCH ?? 20)
const results = { mockAuthSignIn: [], mockAuthSignInHs256: [], staticJson: [] }
const names = Object.keys(results)
for (const name of names) await timed(items[name], 300) // warm-up
for (let round = 0; round < ROUNDS; round++) {
  const ms = Object.fromEntries(names.map((name) => [name, 0]))
  let calls = 0
  for (let turn = 0; ms.mockAuthSignIn + ms.staticJson < 2 * WINDOW_MS; turn++) {
    const pair = (round + turn) % 2 ? [...names].reverse() : names
    for (const name of pair) ms[name] += await timed(items[name], BATCH)
    calls += BATCH
  }
  for (const name of names) results[name].push(calls / (ms[name] / 1000))
  // A fresh store each round: sign-ins pile up sessions otherwise.
  mockAuth.reset()
  hs256.reset()
}
server.close()
process.stdout.write(`${JSON.stringify(results)}\n`)
