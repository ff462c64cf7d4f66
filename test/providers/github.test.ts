import { describe, expect, it } from 'vitest'
import { harness } from './support.js'

const CALLBACK = 'http://localhost:3000/api/auth/callback/github'

async function githubCode(h: ReturnType<typeof harness>, extra: Record<string, string> = {}) {
  const res = await h.call('GET', '/oidc/github/login/oauth/authorize', { query: { client_id: 'gh-app', redirect_uri: CALLBACK, scope: 'read:user user:email', state: 'g1', login: 'test', ...extra } })
  expect(res.status).toBe(302)
  expect(res.location.searchParams.has('iss')).toBe(false)
  expect(res.location.searchParams.get('state')).toBe('g1')
  return res.location.searchParams.get('code')!
}

describe('GitHub-style OAuth 2.0 provider', () => {
  it('GitHub`s login parameter picks the account; the token answer is a form unless Accept asks for JSON', async () => {
    const h = harness()
    const form = await h.call('POST', '/oidc/github/login/oauth/access_token', { form: { client_id: 'gh-app', client_secret: 's', code: await githubCode(h), redirect_uri: CALLBACK } })
    expect(form.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    const parsed = new URLSearchParams(form.body ?? '')
    expect(parsed.get('token_type')).toBe('bearer')
    expect(parsed.get('scope')).toBe('read:user,user:email')
    const json = await h.call('POST', '/oidc/github/login/oauth/access_token', { form: { client_id: 'gh-app', client_secret: 's', code: await githubCode(h), redirect_uri: CALLBACK }, headers: { accept: 'application/json' } })
    expect(json.json()).toMatchObject({ token_type: 'bearer', access_token: expect.any(String) })
    expect(json.json()).not.toHaveProperty('id_token')
  })

  it('/user has the integer id and login, /user/emails the verified primary; `token` and `Bearer` both work', async () => {
    const h = harness()
    const tokens = (await h.call('POST', '/oidc/github/login/oauth/access_token', { json: { client_id: 'gh-app', client_secret: 's', code: await githubCode(h, { login: 'admin' }) }, headers: { accept: 'application/json' } })).json()
    const user = await h.call('GET', '/oidc/github/user', { headers: { authorization: `token ${tokens.access_token}` } })
    expect(user.json()).toMatchObject({ id: 1002, login: 'admin', name: 'Admin User', email: 'admin@example.com', type: 'User' })
    expect(user.headers['x-oauth-scopes']).toBe('read:user, user:email')
    const emails = await h.call('GET', '/oidc/github/user/emails', { headers: { authorization: `Bearer ${tokens.access_token}` } })
    expect(emails.json()).toEqual([{ email: 'admin@example.com', primary: true, verified: true, visibility: 'public' }])
    const anonymous = await h.call('GET', '/oidc/github/user')
    expect(anonymous.status).toBe(401)
    expect(anonymous.json().message).toBe('Requires authentication')
    expect((await h.call('GET', '/oidc/github/user', { headers: { authorization: 'token nope' } })).json().message).toBe('Bad credentials')
  })

  it('refuses a bad code the way GitHub does: 200 with error=bad_verification_code', async () => {
    const h = harness()
    const res = await h.call('POST', '/oidc/github/login/oauth/access_token', { form: { client_id: 'gh-app', code: 'nope' }, headers: { accept: 'application/json' } })
    expect(res.status).toBe(200)
    expect(res.json().error).toBe('bad_verification_code')
    const code = await githubCode(h)
    const mismatch = await h.call('POST', '/oidc/github/login/oauth/access_token', { form: { client_id: 'gh-app', code, redirect_uri: 'http://elsewhere/cb' }, headers: { accept: 'application/json' } })
    expect(mismatch.json().error).toBe('redirect_uri_mismatch')
  })

  it('scenario claims reach GitHub too: email_verified false makes the email unverified', async () => {
    const h = harness()
    h.env.claims = { email_verified: false }
    const tokens = (await h.call('POST', '/oidc/github/login/oauth/access_token', { form: { client_id: 'gh-app', code: await githubCode(h) }, headers: { accept: 'application/json' } })).json()
    const emails = (await h.call('GET', '/oidc/github/user/emails', { headers: { authorization: `token ${tokens.access_token}` } })).json() as unknown as Array<{ verified: boolean }>
    expect(emails[0]?.verified).toBe(false)
  })
})
