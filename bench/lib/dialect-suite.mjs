import { launch, usersFile } from './servers.mjs'
import { DURATION_S, measure, record, summarize } from './throughput.mjs'

/** The dialects measured, each by its own client's two hottest calls: sign-in and the session read. */
export const DIALECTS = ['next-auth', 'authjs', 'better-auth']
/** Plus the REST rows of the same rounds, so a dialect's cost reads against mock-auth's own. */
const MEASURED = ['rest', ...DIALECTS]
const SECRET = 'mock-auth-bench-dialect-secret-0123456789'

/** The same 1,000 users as the REST rows, with an email (better-auth signs in by email). */
const USERS = Array.from({ length: 1000 }, (_, i) => ({ id: `b${i}`, username: `bench${i}`, email: `bench${i}@example.com`, password: `pw${i}` }))

const cookiePairs = (response) => response.headers.getSetCookie().map((line) => line.split(';', 1)[0])
const cookieHeader = (pairs) => pairs.join('; ')

/**
 * What each dialect's real client sends. next-auth/authjs: the cookies of one `GET /csrf` (the
 * CSRF double-submit cookie and the callback URL, kept for every request after, as in a browser's
 * jar), then a form post to
 * `/callback/credentials` asking for `{ url }` JSON (v4 `json=true`, v5 `X-Auth-Return-Redirect`);
 * the session read is `GET /session` with the session and CSRF cookies. better-auth: JSON
 * `POST /sign-in/email`, then `GET /get-session` with the signed session cookie.
 */
async function wire(dialect, origin) {
  if (dialect === 'rest') {
    // The reference: mock-auth's own wire on the same machine in the same rounds (one verified token).
    const body = (i) => JSON.stringify({ username: `bench${i % USERS.length}`, password: `pw${i % USERS.length}` })
    const headers = { 'content-type': 'application/json' }
    return {
      signIn: { path: '/api/auth/login', headers, body },
      sessionPath: '/api/auth/session',
      async sessionCookie() {
        const response = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers, body: body(0) })
        if (!response.ok) throw new Error(`rest sign-in answered ${response.status} ${await response.text()}`)
        return cookieHeader(cookiePairs(response).filter((pair) => pair.startsWith('session=')))
      },
    }
  }
  if (dialect === 'better-auth') {
    const body = (i) => JSON.stringify({ email: `bench${i % USERS.length}@example.com`, password: `pw${i % USERS.length}` })
    // A browser sends its Origin (better-auth checks it: Node's fetch sends Sec-Fetch-Mode, which demands one).
    const headers = { 'content-type': 'application/json', origin }
    return {
      signIn: { path: '/api/auth/sign-in/email', headers, body },
      sessionPath: '/api/auth/get-session',
      async sessionCookie() {
        const response = await fetch(`${origin}/api/auth/sign-in/email`, { method: 'POST', headers, body: body(0) })
        if (!response.ok) throw new Error(`better-auth sign-in answered ${response.status} ${await response.text()}`)
        return cookieHeader(cookiePairs(response))
      },
    }
  }
  const csrf = await fetch(`${origin}/api/auth/csrf`)
  const { csrfToken } = await csrf.json()
  // What a browser's jar holds after `GET /csrf`: the CSRF cookie and the callback URL cookie
  // (next-auth re-sets the latter on every answer to a client that dropped it).
  const csrfCookie = cookieHeader(cookiePairs(csrf))
  if (!csrfCookie.includes('csrf-token=') || !csrfCookie.includes('callback-url=')) throw new Error(`${dialect} GET /csrf set ${csrfCookie}`)
  const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, ...(dialect === 'authjs' ? { 'x-auth-return-redirect': '1' } : {}) }
  const body = (i) => new URLSearchParams({ csrfToken, username: `bench${i % USERS.length}`, password: `pw${i % USERS.length}`, callbackUrl: origin, ...(dialect === 'next-auth' ? { json: 'true' } : {}) }).toString()
  return {
    signIn: { path: '/api/auth/callback/credentials', headers, body },
    sessionPath: '/api/auth/session',
    async sessionCookie() {
      const response = await fetch(`${origin}/api/auth/callback/credentials`, { method: 'POST', headers, body: body(0) })
      const session = cookiePairs(response).find((pair) => pair.includes('session-token='))
      if (!response.ok || session === undefined) throw new Error(`${dialect} sign-in answered ${response.status} without a session cookie: ${await response.text()}`)
      return cookieHeader([session, csrfCookie])
    },
  }
}

/**
 * Sign-in and session per dialect against an Express 5 hello in the same rounds (order alternating,
 * a warm-up round first), each dialect on its own `mock-auth serve --dialect <name>` with the
 * bench's users. A sign-in makes a new session every request (users in turn); the session read
 * carries one session cookie for the round (next-auth and better-auth remember the cookies they
 * made or opened, by exact string, so a browser presenting each rolled cookie costs the same; every
 * read still checks expiry and the store session, and next-auth still answers a rolled cookie).
 */
export async function dialectSuite({ rounds, log }) {
  const servers = {}
  try {
    servers.express = await launch('express')
    const users = usersFile(USERS)
    for (const dialect of MEASURED) servers[dialect] = await launch('mockAuthDialect', { users, dialect, secret: SECRET })
    const wires = {}
    for (const dialect of MEASURED) wires[dialect] = await wire(dialect, servers[dialect].origin)
    const items = ['express', ...MEASURED.flatMap((d) => [`${d} sign-in`, `${d} session`])]
    const results = Object.fromEntries(items.map((name) => [name, []]))
    for (let round = 0; round <= rounds; round++) {
      const warmUp = round === 0
      const seconds = warmUp ? 1 : DURATION_S
      const cookies = {}
      for (const dialect of MEASURED) {
        await fetch(`${servers[dialect].origin}/__mock-auth/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        cookies[dialect] = await wires[dialect].sessionCookie()
      }
      for (const name of round % 2 === 1 ? [...items].reverse() : items) {
        const dialect = MEASURED.find((d) => name.startsWith(`${d} `))
        let result
        if (dialect === undefined) result = await measure(servers.express.origin, { path: '/' }, seconds)
        else if (name.endsWith('sign-in')) {
          const { path, headers, body } = wires[dialect].signIn
          let i = 0
          result = await measure(servers[dialect].origin, { requests: [{ method: 'POST', path, headers, setupRequest: (req) => ({ ...req, body: body(i++) }) }] }, seconds)
        } else {
          result = await measure(servers[dialect].origin, { path: wires[dialect].sessionPath, headers: { cookie: cookies[dialect] } }, seconds)
        }
        record(results, name, result, round, log, 20)
      }
    }
    return Object.fromEntries(items.map((name) => [name, summarize(results[name])]))
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
}
