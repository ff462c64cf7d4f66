import autocannon from 'autocannon'
import { clientCredentialsItem, CODE_GRANT_SERVERS, measureCodeGrant } from './provider-token.mjs'
import { launch, usersFile } from './servers.mjs'
import { combineChunks, DURATION_S, measure, record, summarize } from './throughput.mjs'

const JSON_HEADERS = { 'content-type': 'application/json' }
const JSA_USER = { email: 'bench@example.com', password: 'bench-password-1' }

export const THROUGHPUT_ITEMS = ['bare', 'express', 'signIn', 'session', 'sessionCached', 'me', 'refresh', 'oauth2Token', 'oauth2Code', 'providerCode', 'providerClient', 'jsaLogin']

/**
 * The server's users: BENCH_USERS users signing in in turn, so no user piles up tens of thousands
 * of sessions (a per-user cap would otherwise revoke the pools' sessions while they wait).
 */
export const BENCH_USERS = Array.from({ length: 1000 }, (_, i) => ({ id: `b${i}`, username: `bench${i}`, password: `pw${i}` }))
const signInBody = (i) => JSON.stringify({ username: `bench${i % BENCH_USERS.length}`, password: `pw${i % BENCH_USERS.length}` })

/**
 * Fresh tokens: each session and /me request carries an access token no request has carried
 * before, minted by sign-ins just before (as a test signs in, then checks). Pools of FRESH_POOL
 * tokens (below the engine's verified-cache bound of 10,000, past which a token is verified with
 * jose again), FRESH_CHUNKS of them per item and round, each sent once as a fixed number of requests.
 */
const FRESH_POOL = Number(process.env.FRESH_POOL ?? 8_000)
const FRESH_CHUNKS = Number(process.env.FRESH_CHUNKS ?? 2)

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
async function fillPool(origin, size, field) {
  const pool = []
  let i = 0
  await autocannon({
    url: origin,
    connections: 10,
    amount: size,
    requests: [
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: JSON_HEADERS,
        setupRequest: (req) => ({ ...req, body: signInBody(i++) }),
        onResponse: (status, body) => status === 200 && pool.push(JSON.parse(body)[field]),
      },
    ],
  })
  return pool
}

/**
 * Sends each pooled token once (`header(token)` gives the request's headers), or with `reuse` one
 * token FRESH_POOL times over (the cached baseline, built per request the same way, so the client's
 * work is the same and only the token's freshness differs); chunks summed.
 */
async function measureFresh(origin, path, header, chunks, reuse) {
  const runs = []
  for (let c = 0; c < chunks; c++) {
    // The cached run signs the same FRESH_POOL users in first too (and drops their tokens): a run
    // right after 8,000 sign-ins pays for their garbage, so both runs start from the same state and
    // only the token's freshness differs.
    const filled = await fillPool(origin, FRESH_POOL, 'accessToken')
    const pool = reuse === undefined ? filled : Array(FRESH_POOL).fill(reuse)
    runs.push(await measure(origin, { amount: pool.length, requests: [{ method: 'GET', path, setupRequest: (req) => ({ ...req, headers: header(pool.pop()) }) }] }))
  }
  return combineChunks(runs)
}

/**
 * Every server runs at once (idle while another is measured); items run in rounds whose order
 * alternates, so drift in the machine's load spreads over all of them alike.
 */
export async function throughputSuite({ rounds, log, only = THROUGHPUT_ITEMS }) {
  const servers = {}
  const names = THROUGHPUT_ITEMS.filter((name) => only.includes(name))
  try {
    for (const name of ['bare', 'express', 'oauth2', 'jsa']) servers[name] = await launch(name)
    servers.mockAuth = await launch('mockAuthUsers', { users: usersFile(BENCH_USERS) })
    const ma = servers.mockAuth.origin
    await postJson(`${servers.jsa.origin}/register`, JSA_USER)
    let access = ''
    const items = {
      bare: () => ({ url: servers.bare.origin, item: { path: '/' } }),
      express: () => ({ url: servers.express.origin, item: { path: '/' } }),
      signIn: () => {
        let i = 0
        return { url: ma, item: { requests: [{ method: 'POST', path: '/api/auth/login', headers: JSON_HEADERS, setupRequest: (req) => ({ ...req, body: signInBody(i++) }) }] } }
      },
      oauth2Token: () => ({
        url: servers.oauth2.origin,
        item: { method: 'POST', path: '/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=bench&scope=read' },
      }),
      providerClient: () => clientCredentialsItem(ma),
      jsaLogin: () => ({ url: servers.jsa.origin, item: { method: 'POST', path: '/login', headers: JSON_HEADERS, body: JSON.stringify(JSA_USER) } }),
    }
    const results = Object.fromEntries(names.map((name) => [name, []]))
    let refreshPoolSize = 20_000

    for (let round = 0; round <= rounds; round++) {
      const warmUp = round === 0
      const order = round % 2 === 1 ? [...names].reverse() : names
      // A fresh store each round, so every round measures mock-auth from the same state.
      await postJson(`${ma}/__mock-auth/reset`, {})
      access = (await postJson(`${ma}/api/auth/login`, JSON.parse(signInBody(0)))).accessToken
      await fetch(`${ma}/api/auth/session`, { headers: { cookie: `session=${access}` } })
      for (const name of order) {
        let result
        if (name === 'session') {
          result = await measureFresh(ma, '/api/auth/session', (token) => ({ cookie: `session=${token}` }), warmUp ? 1 : FRESH_CHUNKS)
        } else if (name === 'sessionCached') {
          // One token, checked before the round: every request a verified-cache hit (the baseline of freshSessionVsCached).
          result = await measureFresh(ma, '/api/auth/session', (token) => ({ cookie: `session=${token}` }), warmUp ? 1 : FRESH_CHUNKS, access)
        } else if (name === 'me') {
          result = await measureFresh(ma, '/api/auth/me', (token) => ({ authorization: `Bearer ${token}` }), warmUp ? 1 : FRESH_CHUNKS)
        } else if (name === 'providerCode') {
          result = await measureCodeGrant(ma, warmUp ? 1 : FRESH_CHUNKS, CODE_GRANT_SERVERS.mockGoogle)
        } else if (name === 'oauth2Code') {
          result = await measureCodeGrant(servers.oauth2.origin, warmUp ? 1 : FRESH_CHUNKS, CODE_GRANT_SERVERS.oauth2MockServer)
        } else if (name === 'refresh') {
          const pool = await fillPool(ma, warmUp ? 2_000 : refreshPoolSize, 'refreshToken')
          result = await measure(ma, {
            amount: pool.length,
            requests: [{ method: 'POST', path: '/api/auth/refresh', headers: JSON_HEADERS, setupRequest: (req) => ({ ...req, body: JSON.stringify({ refreshToken: pool.pop() }) }) }],
          })
        } else {
          const { url, item } = items[name]()
          result = await measure(url, item, warmUp ? 1 : DURATION_S)
        }
        if (name === 'signIn' && !warmUp) refreshPoolSize = Math.max(2_000, Math.round(result.rps * DURATION_S))
        record(results, name, result, round, log, 12)
      }
    }
    return Object.fromEntries(names.map((name) => [name, summarize(results[name])]))
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
}
