// MSW in-process (msw/node setupServer): a sign-in through mock-auth's handlers against an msw
// handler that answers static JSON, in the same server. Run as a child of run.mjs; prints one JSON
// line. mock-auth is set up as docs/msw.md tells Node users to: `createMockAuth` from
// `mock-auth/node` (what `mock-auth/vitest`'s `setupMockAuth` uses too), its handlers first and the
// app's own handler after them, as `setupMockAuth({ handlers })` orders them.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockAuth } from '../dist/src/node/index.js'

const ROUNDS = Number(process.env.MSW_ROUNDS ?? 6)
const WINDOW_MS = Number(process.env.MSW_WINDOW_MS ?? 1000)
const ORIGIN = 'http://bench.test'

const mockAuth = createMockAuth({ baseUrl: `${ORIGIN}/api/auth` })
const server = setupServer(...mockAuth.handlers, http.post(`${ORIGIN}/static/login`, () => HttpResponse.json({ message: 'Authenticated', accessToken: 'static' })))
server.listen({ onUnhandledRequest: 'error' })

const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password: 'test' }) }
const items = {
  mockAuthSignIn: async () => {
    const response = await fetch(`${ORIGIN}/api/auth/login`, init)
    if (response.status !== 200) throw new Error(`mock-auth sign-in answered ${response.status}`)
    await response.json()
  },
  staticJson: async () => {
    const response = await fetch(`${ORIGIN}/static/login`, init)
    await response.json()
  },
}

/** Sequential calls (as a test makes them) for a time window; returns calls per second. */
async function opsPerSecond(fn) {
  let count = 0
  const start = performance.now()
  while (performance.now() - start < WINDOW_MS) {
    await fn()
    count++
  }
  return count / ((performance.now() - start) / 1000)
}

const results = { mockAuthSignIn: [], staticJson: [] }
for (const fn of Object.values(items)) await opsPerSecond(fn) // warm-up
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? ['staticJson', 'mockAuthSignIn'] : ['mockAuthSignIn', 'staticJson']
  for (const name of order) results[name].push(await opsPerSecond(items[name]))
  // A fresh store each round: sign-ins pile up sessions otherwise.
  mockAuth.reset()
}
server.close()
process.stdout.write(`${JSON.stringify(results)}\n`)
