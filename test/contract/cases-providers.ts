import { expect } from 'vitest'
import { BASE, cookieValue } from './client.js'
import { coveredCodes, type ContractCase } from './expect-error.js'
import type { ContractResponse, Transport } from './transport.js'

/** A GET that does not follow redirects: each hop of the social sign-in is checked on its own. */
function hop(t: Transport, url: string, cookies?: string): Promise<ContractResponse> {
  const headers = new Headers()
  if (cookies) headers.set('cookie', cookies)
  return t.send(new Request(url.startsWith('http') ? url : `${t.origin}${url}`, { headers, redirect: 'manual' }))
}

function location(res: ContractResponse): URL {
  expect(res.status).toBe(302)
  return new URL(res.headers.location ?? '', 'http://relative.invalid')
}

/** A refusal on a redirect: `?error=<code>` in the Location, the rest contract's form for browser hops. */
function expectRedirectError(res: ContractResponse, path: string, error: string): void {
  const url = location(res)
  expect(url.pathname).toBe(path)
  expect(url.searchParams.get('error')).toBe(error)
  expect(url.searchParams.get('error_description')?.length).toBeGreaterThan(5)
  coveredCodes.add(error)
}

/** /signin/<id> → the provider's /authorize (with `hint` if given) → /callback/<id>: the callback's answer. */
async function socialFlow(t: Transport, provider: string, hint?: string): Promise<ContractResponse> {
  const start = location(await hop(t, `${BASE}/signin/${provider}?callbackUrl=/home`))
  expect(start.pathname.startsWith(`/oidc/${provider}/`)).toBe(true)
  if (hint !== undefined) start.searchParams.set(provider === 'github' ? 'login' : 'login_hint', hint)
  const back = location(await hop(t, `${start.pathname}${start.search}`))
  expect(back.pathname).toBe(`${BASE}/callback/${provider}`)
  return hop(t, `${back.pathname}${back.search}`)
}

/** Social sign-in through the mock identity providers, on every transport. */
export const providerCases: ContractCase[] = [
  {
    name: 'providers: /providers lists google and github; discovery names the transport`s origin as issuer',
    async run({ t, see }) {
      const list = await hop(t, `${BASE}/providers`)
      // The URLs name each transport's own origin; the rest must agree everywhere.
      see('providers', { ...list, body: Object.keys(list.body as object) })
      expect(list.body).toMatchObject({ google: { id: 'google', name: 'Google', type: 'oidc' }, github: { id: 'github', type: 'oauth' } })
      const meta = await hop(t, '/oidc/google/.well-known/openid-configuration')
      expect((meta.body as { issuer: string }).issuer).toBe(`${t.origin}/oidc/google`)
      const chooser = await hop(t, `/oidc/google/authorize?response_type=code&client_id=x&redirect_uri=${encodeURIComponent(`${t.origin}/cb`)}`)
      expect(chooser.status).toBe(200)
      expect(chooser.headers['content-type']).toMatch(/^text\/html/)
    },
  },
  {
    name: 'social sign-in (Google): the account chosen signs in as the user with that email, with session cookies',
    async run({ t }) {
      const done = await socialFlow(t, 'google', 'admin@example.com')
      expect(location(done).pathname).toBe('/home')
      const session = cookieValue(done, 'session')
      expect(session).toBeTruthy()
      const me = await t.send(new Request(`${t.origin}${BASE}/me`, { headers: { authorization: `Bearer ${session}` } }))
      expect(me.body).toMatchObject({ user: { username: 'admin', email: 'admin@example.com' } })
    },
  },
  {
    name: 'social sign-in (GitHub): a provider account with no matching user creates one',
    async run({ make }) {
      const t = await make({ users: [{ username: 'someone', password: 'pw', email: 'someone@example.com' }] })
      const done = await socialFlow(t, 'github', 'test')
      expect(location(done).pathname).toBe('/home')
      const me = await t.send(new Request(`${t.origin}${BASE}/me`, { headers: { authorization: `Bearer ${cookieValue(done, 'session')}` } }))
      expect(me.body).toMatchObject({ user: { username: 'test@example.com', email: 'test@example.com', name: 'Test User' } })
    },
  },
  {
    name: 'scenarios provider-denied, provider-error, provider-unverified-email: the callback returns with ?error=',
    async run({ t }) {
      await t.control.use('provider-denied')
      const denied = await hop(t, (location(await hop(t, `${BASE}/signin/google?callbackUrl=/home`)).searchParams.get('redirect_uri') ?? '') + '?state=unknown')
      expect(denied.status).toBe(400)
      const start = location(await hop(t, `${BASE}/signin/google?callbackUrl=/home`))
      const refused = location(await hop(t, `${start.pathname}${start.search}&login_hint=test@example.com`))
      expect(refused.searchParams.get('error')).toBe('access_denied')
      expect(refused.searchParams.get('iss')).toBe(`${t.origin}/oidc/google`)
      expectRedirectError(await hop(t, `${refused.pathname}${refused.search}`), '/home', 'access_denied')
      await t.control.use('provider-error')
      expectRedirectError(await socialFlow(t, 'google', 'test@example.com'), '/home', 'server_error')
      await t.control.use('provider-unverified-email')
      expectRedirectError(await socialFlow(t, 'github', 'test'), '/home', 'email_not_verified')
      await t.control.use('default')
    },
  },
  {
    name: 'social sign-in refuses a foreign callbackUrl, an unknown provider and a replayed state',
    async run({ t }) {
      const foreign = await hop(t, `${BASE}/signin/google?callbackUrl=${encodeURIComponent('https://evil.example/')}`)
      expect(foreign.status).toBe(400)
      expect(await hop(t, `${BASE}/signin/nope`)).toMatchObject({ status: 404 })
      const start = location(await hop(t, `${BASE}/signin/google`))
      const back = location(await hop(t, `${start.pathname}${start.search}&login_hint=test@example.com`))
      expect(location(await hop(t, `${back.pathname}${back.search}`)).pathname).toBe('/')
      expect((await hop(t, `${back.pathname}${back.search}`)).status).toBe(400)
    },
  },
]
