import { combineChunks, measure } from './throughput.mjs'

/**
 * The mock Google's token endpoint (`POST /oidc/google/token`), the way a relying party calls it.
 * `authorization_code`: codes are single use, so each chunk first runs that many authorizations
 * (`GET /authorize` with `login_hint`, answered 302 at once with a code), then redeems each code
 * exactly once; the answer signs an RS256 id_token and opens a refresh family. CODE_POOL stays
 * below the provider's 10,000-code bound, past which the oldest codes are forgotten.
 * `client_credentials`: one fixed request, answered with an opaque access token.
 */
const CODE_POOL = Number(process.env.CODE_POOL ?? 8_000)
const REDIRECT_URI = 'http://127.0.0.1/callback'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function mintCodes(origin, size) {
  const codes = []
  const query = new URLSearchParams({ response_type: 'code', client_id: 'bench', redirect_uri: REDIRECT_URI, scope: 'openid email profile', login_hint: 'test@example.com', state: 's' })
  const url = `${origin}/oidc/google/authorize?${query}`
  const worker = async () => {
    while (codes.length < size) {
      const response = await fetch(url, { redirect: 'manual' })
      const code = new URL(response.headers.get('location') ?? '', origin).searchParams.get('code')
      if (response.status !== 302 || !code) throw new Error(`GET /oidc/google/authorize answered ${response.status}, no code`)
      codes.push(code)
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  return codes.slice(0, size)
}

export async function measureCodeGrant(origin, chunks) {
  const runs = []
  for (let c = 0; c < chunks; c++) {
    const pool = await mintCodes(origin, CODE_POOL)
    runs.push(
      await measure(origin, {
        amount: pool.length,
        requests: [{ method: 'POST', path: '/oidc/google/token', headers: FORM, setupRequest: (req) => ({ ...req, body: `grant_type=authorization_code&client_id=bench&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code=${pool.pop()}` }) }],
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
