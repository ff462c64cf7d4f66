import autocannon from 'autocannon'
import { launch } from './servers.mjs'
import { mean } from './stats.mjs'
import { DURATION_S, measure } from './throughput.mjs'

const JSON_HEADERS = { 'content-type': 'application/json' }
const SIGN_IN_BODY = JSON.stringify({ username: 'test', password: 'test' })
const JSA_USER = { email: 'bench@example.com', password: 'bench-password-1' }

export const THROUGHPUT_ITEMS = ['bare', 'express', 'signIn', 'session', 'me', 'refresh', 'oauth2Token', 'jsaLogin']

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status} ${text}`)
  return text === '' ? {} : JSON.parse(text)
}

/**
 * Refresh tokens are single-use, so the refresh run cannot replay one request: it first signs in
 * `size` times (with autocannon, keeping each answer's refresh token), then exchanges each token
 * exactly once, as a fixed number of requests, and reports requests per second over that run.
 */
async function fillRefreshPool(origin, size) {
  const pool = []
  await autocannon({
    url: origin,
    connections: 10,
    amount: size,
    requests: [{ method: 'POST', path: '/api/auth/login', headers: JSON_HEADERS, body: SIGN_IN_BODY, onResponse: (status, body) => status === 200 && pool.push(JSON.parse(body).refreshToken) }],
  })
  return pool
}

/**
 * Every server runs at once (idle while another is measured); items run in rounds whose order
 * alternates, so drift in the machine's load spreads over all of them alike.
 */
export async function throughputSuite({ rounds, log }) {
  const servers = {}
  try {
    for (const name of ['bare', 'express', 'mockAuth', 'oauth2', 'jsa']) servers[name] = await launch(name)
    const ma = servers.mockAuth.origin
    await postJson(`${servers.jsa.origin}/register`, JSA_USER)
    let access = ''
    const items = {
      bare: () => ({ url: servers.bare.origin, item: { path: '/' } }),
      express: () => ({ url: servers.express.origin, item: { path: '/' } }),
      signIn: () => ({ url: ma, item: { method: 'POST', path: '/api/auth/login', headers: JSON_HEADERS, body: SIGN_IN_BODY } }),
      session: () => ({ url: ma, item: { path: '/api/auth/session', headers: { cookie: `session=${access}` } } }),
      me: () => ({ url: ma, item: { path: '/api/auth/me', headers: { authorization: `Bearer ${access}` } } }),
      oauth2Token: () => ({
        url: servers.oauth2.origin,
        item: { method: 'POST', path: '/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=bench&scope=read' },
      }),
      jsaLogin: () => ({ url: servers.jsa.origin, item: { method: 'POST', path: '/login', headers: JSON_HEADERS, body: JSON.stringify(JSA_USER) } }),
    }
    const results = Object.fromEntries(THROUGHPUT_ITEMS.map((name) => [name, []]))
    let refreshPoolSize = 20_000

    for (let round = 0; round <= rounds; round++) {
      const warmUp = round === 0
      const order = round % 2 === 1 ? [...THROUGHPUT_ITEMS].reverse() : THROUGHPUT_ITEMS
      // A fresh store each round, so every round measures mock-auth from the same state.
      await postJson(`${ma}/__mock-auth/reset`, {})
      access = (await postJson(`${ma}/api/auth/login`, { username: 'test', password: 'test' })).accessToken
      for (const name of order) {
        let result
        if (name === 'refresh') {
          const pool = await fillRefreshPool(ma, warmUp ? 2_000 : refreshPoolSize)
          result = await measure(ma, {
            amount: pool.length,
            requests: [{ method: 'POST', path: '/api/auth/refresh', headers: JSON_HEADERS, setupRequest: (req) => ({ ...req, body: JSON.stringify({ refreshToken: pool.pop() }) }) }],
          })
        } else {
          const { url, item } = items[name]()
          result = await measure(url, item, warmUp ? 1 : DURATION_S)
        }
        if (name === 'signIn' && !warmUp) refreshPoolSize = Math.max(2_000, Math.round(result.rps * DURATION_S))
        if (result.non2xx > 0 || result.errors > 0) log(`  ! ${name}: ${result.non2xx} non-2xx, ${result.errors} errors`)
        if (!warmUp) results[name].push(result)
        log(`  ${warmUp ? 'warm-up' : `round ${round}`} ${name.padEnd(12)} ${Math.round(result.rps)} req/s`)
      }
    }
    return Object.fromEntries(
      THROUGHPUT_ITEMS.map((name) => {
        const runs = results[name]
        return [name, { rps: mean(runs.map((r) => r.rps)), runs: runs.map((r) => Math.round(r.rps)), p50: mean(runs.map((r) => r.p50)), p99: mean(runs.map((r) => r.p99)), bad: runs.reduce((n, r) => n + r.non2xx + r.errors, 0) }]
      }),
    )
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
}
