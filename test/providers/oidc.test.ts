import { createLocalJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { base64url } from '../../src/core/base64url.js'
import { basic, harness, ORIGIN, REDIRECT, s256, VERIFIER } from './support.js'

const ISSUER = `${ORIGIN}/oidc/google`

async function codeFor(h: ReturnType<typeof harness>, extra: Record<string, string> = {}) {
  const res = await h.call('GET', '/oidc/google/authorize', {
    query: { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, scope: 'openid email profile', state: 'st-1', login_hint: 'test@example.com', ...extra },
  })
  expect(res.status).toBe(302)
  return res.location
}

describe('OIDC provider: discovery and authorization', () => {
  it('advertises every endpoint under its issuer, RS256, the auth methods, PKCE and RFC 9207', async () => {
    const h = harness()
    const meta = (await h.call('GET', '/oidc/google/.well-known/openid-configuration')).json()
    expect(meta.issuer).toBe(ISSUER)
    for (const key of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'revocation_endpoint', 'introspection_endpoint', 'end_session_endpoint']) {
      expect(meta[key]).toMatch(new RegExp(`^${ISSUER}/`))
    }
    expect(meta.id_token_signing_alg_values_supported).toEqual(['RS256'])
    expect(meta.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post', 'none'])
    expect(meta.code_challenge_methods_supported).toEqual(['S256', 'plain'])
    expect(meta.authorization_response_iss_parameter_supported).toBe(true)
  })

  it('shows an HTML chooser listing the accounts and Deny when nothing names an account', async () => {
    const h = harness()
    const res = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, state: 'x"<y' } })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('test@example.com')
    expect(res.body).toContain('admin@example.com')
    expect(res.body).toContain('>Deny<')
    expect(res.body).toContain('value="x&quot;&lt;y"')
  })

  it('answers 302 at once for a login_hint, echoing state and adding iss', async () => {
    const location = await codeFor(harness())
    expect(location.origin + location.pathname).toBe(REDIRECT)
    expect(location.searchParams.get('state')).toBe('st-1')
    expect(location.searchParams.get('iss')).toBe(ISSUER)
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{43}$/)
  })

  it('Deny redirects with access_denied; prompt=none without a choice is login_required', async () => {
    const h = harness()
    const denied = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, state: 's', mock_auth_decision: 'deny' } })
    expect(denied.location.searchParams.get('error')).toBe('access_denied')
    expect(denied.location.searchParams.get('state')).toBe('s')
    const none = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, prompt: 'none' } })
    expect(none.location.searchParams.get('error')).toBe('login_required')
  })

  it('never redirects to an unchecked URI: a bad client or redirect_uri is a JSON 400', async () => {
    const h = harness()
    const missing = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'code', redirect_uri: REDIRECT } })
    expect(missing.status).toBe(400)
    expect(missing.json().error).toBe('invalid_request')
    const fragment = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'code', client_id: 'app', redirect_uri: 'http://x/cb#frag' } })
    expect(fragment.status).toBe(400)
    const token = await h.call('GET', '/oidc/google/authorize', { query: { response_type: 'token', client_id: 'app', redirect_uri: REDIRECT } })
    expect(token.location.searchParams.get('error')).toBe('unsupported_response_type')
  })

  it('a picked account is used by the next authorization only', async () => {
    const h = harness()
    h.env.state.pickNextAccount('google', 'admin@example.com')
    const query = { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT }
    const first = await h.call('GET', '/oidc/google/authorize', { query })
    expect(first.status).toBe(302)
    const tokens = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'authorization_code', code: first.location.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: 'app' } })).json()
    const info = (await h.call('GET', '/oidc/google/userinfo', { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()
    expect(info.sub).toBe('100000000000000000002')
    expect((await h.call('GET', '/oidc/google/authorize', { query })).status).toBe(200)
  })
})

describe('OIDC provider: token endpoint', () => {
  it('exchanges a PKCE code once for tokens whose id_token verifies against the JWKS', async () => {
    const h = harness()
    const location = await codeFor(h, { code_challenge: await s256(VERIFIER), code_challenge_method: 'S256', nonce: 'n-1' })
    const form = { grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: VERIFIER }
    const res = await h.call('POST', '/oidc/google/token', { form, headers: { authorization: basic('app', 'secret') } })
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const tokens = res.json()
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid email profile' })
    expect(typeof tokens.refresh_token).toBe('string')
    const jwks = createLocalJWKSet((await h.call('GET', '/oidc/google/jwks')).json() as never)
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token as string, jwks, { issuer: ISSUER, audience: 'app', algorithms: ['RS256'], currentDate: new Date(h.env.now) })
    expect(protectedHeader.alg).toBe('RS256')
    expect(payload).toMatchObject({ sub: '100000000000000000001', email: 'test@example.com', email_verified: true, name: 'Test User', given_name: 'Test', nonce: 'n-1' })
    expect(payload.auth_time).toBe(Math.floor(h.env.now / 1000))
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tokens.access_token as string)))
    expect(payload.at_hash).toBe(base64url(digest.slice(0, 16)))
    const replay = await h.call('POST', '/oidc/google/token', { form, headers: { authorization: basic('app', 'secret') } })
    expect(replay.status).toBe(400)
    expect(replay.json().error).toBe('invalid_grant')
    // The replay revoked what the first exchange gave.
    expect((await h.call('GET', '/oidc/google/userinfo', { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401)
  })

  it('sends no nonce when none was asked, and checks redirect_uri, verifier and client', async () => {
    const h = harness()
    const plain = await codeFor(h, { code_challenge: VERIFIER, code_challenge_method: 'plain' })
    const base = { grant_type: 'authorization_code', code: plain.searchParams.get('code')!, client_id: 'app' }
    const wrongUri = await h.call('POST', '/oidc/google/token', { form: { ...base, redirect_uri: 'http://evil/cb', code_verifier: VERIFIER } })
    expect(wrongUri.json()).toMatchObject({ error: 'invalid_grant' })
    const wrongVerifier = await h.call('POST', '/oidc/google/token', { form: { ...base, redirect_uri: REDIRECT, code_verifier: `${VERIFIER}x` } })
    expect(wrongVerifier.json().error).toBe('invalid_grant')
    const otherClient = await h.call('POST', '/oidc/google/token', { form: { ...base, client_id: 'other', redirect_uri: REDIRECT, code_verifier: VERIFIER } })
    expect(otherClient.json().error).toBe('invalid_grant')
    const ok = (await h.call('POST', '/oidc/google/token', { form: { ...base, redirect_uri: REDIRECT, code_verifier: VERIFIER, client_secret: 's' } })).json()
    const [, payload] = (ok.id_token as string).split('.')
    expect(JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')))).not.toHaveProperty('nonce')
  })

  it('puts the granted claims in the id_token in order, the scenario\'s over the account\'s in place, a "__proto__" claim as a claim', async () => {
    // JSON.parse makes "__proto__" an own key, as a providers file read from disk would.
    const account = JSON.parse('{"email":"p@acme.test","team":"blue","__proto__":{"x":1},"locale":"fr"}') as { email: string }
    const h = harness([{ id: 'acme', accounts: [account] }])
    h.env.claims = { team: 'red', email_verified: false, extra: 1 }
    const authorize = await h.call('GET', '/oidc/acme/authorize', { query: { response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, scope: 'openid email', login_hint: 'p@acme.test' } })
    const tokens = (await h.call('POST', '/oidc/acme/token', { form: { grant_type: 'authorization_code', code: authorize.location.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: 'app' } })).json()
    const [, segment] = (tokens.id_token as string).split('.')
    const payload = JSON.parse(atob(segment!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>
    // locale and name need the profile scope; team, __proto__ and extra are no standard claims, so they always go.
    expect(Object.keys(payload)).toEqual(['email', 'team', '__proto__', 'email_verified', 'extra', 'iss', 'sub', 'aud', 'azp', 'iat', 'exp', 'auth_time', 'at_hash'])
    expect(payload).toMatchObject({ email: 'p@acme.test', team: 'red', email_verified: false, extra: 1 })
    expect(Object.getOwnPropertyDescriptor(payload, '__proto__')?.value).toEqual({ x: 1 })
    const info = (await h.call('GET', '/oidc/acme/userinfo', { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()
    expect(Object.keys(info)).toEqual(['email', 'team', '__proto__', 'email_verified', 'extra', 'sub'])
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
  })

  it('rotates refresh tokens and revokes the family when an exchanged one comes back', async () => {
    const h = harness()
    const location = await codeFor(h)
    const first = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: 'app' } })).json()
    const second = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token as string, client_id: 'app' } })).json()
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.id_token).toBeTypeOf('string')
    const reuse = await h.call('POST', '/oidc/google/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token as string, client_id: 'app' } })
    expect(reuse.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/already used/) })
    const after = await h.call('POST', '/oidc/google/token', { form: { grant_type: 'refresh_token', refresh_token: second.refresh_token as string, client_id: 'app' } })
    expect(after.json().error).toBe('invalid_grant')
    expect((await h.call('GET', '/oidc/google/userinfo', { headers: { authorization: `Bearer ${second.access_token}` } })).status).toBe(401)
  })

  it('client_credentials gives a token with no user; unknown grants and missing clients are refused', async () => {
    const h = harness()
    const cc = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'client_credentials', client_id: 'svc', scope: 'read' } })).json()
    expect(cc).toMatchObject({ token_type: 'Bearer', scope: 'read' })
    expect(cc).not.toHaveProperty('id_token')
    expect((await h.call('POST', '/oidc/google/token', { form: { grant_type: 'password', client_id: 'x' } })).json().error).toBe('unsupported_grant_type')
    const anonymous = await h.call('POST', '/oidc/google/token', { form: { grant_type: 'client_credentials' } })
    expect(anonymous.status).toBe(401)
    expect(anonymous.json().error).toBe('invalid_client')
    expect((await h.call('GET', '/oidc/google/token')).status).toBe(405)
  })

  it('checks id, secret and redirect URIs once clients are configured', async () => {
    const h = harness([{ id: 'acme', accounts: [{ email: 'a@acme.test' }], clients: [{ clientId: 'web', clientSecret: 'pw', redirectUris: ['http://localhost:3000/cb'] }], autoApprove: true }])
    const bad = await h.call('GET', '/oidc/acme/authorize', { query: { response_type: 'code', client_id: 'web', redirect_uri: 'http://localhost:3000/other' } })
    expect(bad.status).toBe(400)
    const ok = await h.call('GET', '/oidc/acme/authorize', { query: { response_type: 'code', client_id: 'web', scope: 'openid' } })
    expect(ok.location.href).toMatch(/^http:\/\/localhost:3000\/cb\?code=/)
    const code = ok.location.searchParams.get('code')!
    const wrongSecret = await h.call('POST', '/oidc/acme/token', { form: { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:3000/cb' }, headers: { authorization: basic('web', 'nope') } })
    expect(wrongSecret.status).toBe(401)
    expect(wrongSecret.headers['www-authenticate']).toMatch(/^Basic/)
    const good = await h.call('POST', '/oidc/acme/token', { form: { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:3000/cb', client_id: 'web', client_secret: 'pw' } })
    expect(good.status).toBe(200)
  })
})

describe('OIDC provider: userinfo, revocation, introspection, end-session', () => {
  it('userinfo needs a live Bearer token and answers the scoped claims with sub', async () => {
    const h = harness()
    const location = await codeFor(h, { scope: 'openid email' })
    const tokens = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: 'app' } })).json()
    const info = (await h.call('GET', '/oidc/google/userinfo', { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()
    expect(info).toEqual({ sub: '100000000000000000001', email: 'test@example.com', email_verified: true })
    const none = await h.call('GET', '/oidc/google/userinfo')
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toBe('Bearer realm="mock-auth"')
    const forged = await h.call('GET', '/oidc/google/userinfo', { headers: { authorization: 'Bearer forged' } })
    expect(forged.headers['www-authenticate']).toMatch(/error="invalid_token"/)
  })

  it('introspects and revokes (RFC 7662, RFC 7009)', async () => {
    const h = harness()
    const location = await codeFor(h)
    const tokens = (await h.call('POST', '/oidc/google/token', { form: { grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: 'app' } })).json()
    const active = (await h.call('POST', '/oidc/google/introspect', { form: { token: tokens.access_token as string, client_id: 'app' } })).json()
    expect(active).toMatchObject({ active: true, client_id: 'app', sub: '100000000000000000001', token_type: 'Bearer' })
    expect((await h.call('POST', '/oidc/google/revoke', { form: { token: tokens.refresh_token as string, client_id: 'app' } })).status).toBe(200)
    expect((await h.call('POST', '/oidc/google/introspect', { form: { token: tokens.access_token as string, client_id: 'app' } })).json()).toEqual({ active: false })
    expect((await h.call('POST', '/oidc/google/revoke', { form: { token: 'unknown', client_id: 'app' } })).status).toBe(200)
  })

  it('end-session redirects to post_logout_redirect_uri with state', async () => {
    const h = harness()
    const res = await h.call('GET', '/oidc/google/end-session', { query: { post_logout_redirect_uri: 'http://localhost:3000/bye', state: 'z' } })
    expect(res.status).toBe(302)
    expect(res.location.href).toBe('http://localhost:3000/bye?state=z')
  })

  it('answers unknown providers and paths with a JSON 404 naming what exists', async () => {
    const h = harness()
    const res = await h.call('GET', '/oidc/nope/authorize')
    expect(res.status).toBe(404)
    expect(res.json().error_description).toMatch(/\/oidc\/google, \/oidc\/github/)
    expect((await h.call('GET', '/oidc/google/nothing')).status).toBe(404)
  })
})
