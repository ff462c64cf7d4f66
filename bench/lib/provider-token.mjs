import { combineChunks, measure } from './throughput.mjs'

/**
 * The code grant (`POST /token`, `grant_type=authorization_code`) the way a relying party calls
 * it, measured alike on the mock Google and on oauth2-mock-server: codes are single use, so each
 * chunk first runs that many authorizations (`GET /authorize`, answered 302 at once with a code:
 * the mock Google by `login_hint`, oauth2-mock-server always), then redeems each code exactly once
 * with the same form body on both. The mock Google checks the code, its client and redirect_uri,
 * signs an RS256 id_token and opens a refresh family; oauth2-mock-server checks nothing and signs
 * an RS256 access token and an RS256 id_token. CODE_POOL stays below the mock Google's
 * 10,000-code bound, past which the oldest codes are forgotten.
 * `client_credentials`: one fixed request, answered with an opaque access token.
 */
const CODE_POOL = Number(process.env.CODE_POOL ?? 8_000)
const REDIRECT_URI = 'http://127.0.0.1/callback'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

/** Where each server's code grant lives: its authorize and token paths, and what authorize needs. */
export const CODE_GRANT_SERVERS = {
  mockGoogle: { authorize: '/oidc/google/authorize', token: '/oidc/google/token', query: { login_hint: 'test@example.com' } },
  oauth2MockServer: { authorize: '/authorize', token: '/token', query: {} },
}

async function mintCodes(origin, server, size) {
  const codes = []
  const query = new URLSearchParams({ response_type: 'code', client_id: 'bench', redirect_uri: REDIRECT_URI, scope: 'openid email profile', state: 's', ...server.query })
  const url = `${origin}${server.authorize}?${query}`
  const worker = async () => {
    while (codes.length < size) {
      const response = await fetch(url, { redirect: 'manual' })
      const code = new URL(response.headers.get('location') ?? '', origin).searchParams.get('code')
      if (response.status !== 302 || !code) throw new Error(`GET ${server.authorize} answered ${response.status}, no code`)
      codes.push(code)
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  return codes.slice(0, size)
}

/** `chunks` fixed-amount runs, each redeeming a pool of fresh codes once; `server` is one of CODE_GRANT_SERVERS. */
export async function measureCodeGrant(origin, chunks, server = CODE_GRANT_SERVERS.mockGoogle) {
  const runs = []
  for (let c = 0; c < chunks; c++) {
    const pool = await mintCodes(origin, server, CODE_POOL)
    runs.push(
      await measure(origin, {
        amount: pool.length,
        requests: [{ method: 'POST', path: server.token, headers: FORM, setupRequest: (req) => ({ ...req, body: `grant_type=authorization_code&client_id=bench&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code=${pool.pop()}` }) }],
      }),
    )
  }
  return combineChunks(runs)
}

/** The client_credentials request, the same grant oauth2-mock-server's row sends. */
export const clientCredentialsItem = (origin) => ({
  url: origin,
  item: { method: 'POST', path: '/oidc/google/token', headers: FORM, body: 'grant_type=client_credentials&client_id=bench&scope=read' },
})
