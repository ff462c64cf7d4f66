import { createHmac } from 'node:crypto'
import { expect } from 'vitest'
import { BASE, send, type RequestInit } from './client.js'
import type { ContractCase } from './expect-error.js'
import type { ContractResponse, Transport } from './transport.js'

export const BETTER_AUTH_SECRET = 'contract-suite-better-auth-secret-0123456789'
const SESSION = 'better-auth.session_token'

/** A tiny better-auth client over a transport: a jar, JSON posts with the app's Origin. */
class Client {
  readonly jar = new Map<string, string>()
  constructor(readonly t: Transport) {}
  async send(method: string, path: string, init: RequestInit = {}): Promise<ContractResponse> {
    // A POST carrying a cookie needs a trusted Origin in better-auth: the app's own, as a browser sends.
    const headers = { origin: this.t.origin, ...init.headers }
    const res = await send(this.t, method, `${BASE}${path}`, { ...init, headers, cookies: { ...Object.fromEntries(this.jar), ...init.cookies } })
    for (const line of res.cookies) {
      const [pair = ''] = line.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      if (/;\s*max-age=0/i.test(line)) this.jar.delete(name)
      else this.jar.set(name, pair.slice(name.length + 1))
    }
    return res
  }
  signIn(password = 'test') {
    return this.send('POST', '/sign-in/email', { json: { email: 'test@example.com', password } })
  }
}

/** What legitimately differs between transports masked: the origin, tokens, dates, ids. */
function masked(res: ContractResponse, origin: string): ContractResponse {
  const mask = (text: string) =>
    text
      .replaceAll(origin, '<origin>')
      .replace(/"(token|id|sessionId|ipAddress|userAgent)":"[^"]*"/g, '"$1":"<$1>"')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<date>')
  const body = res.body === null ? null : JSON.parse(mask(JSON.stringify(res.body)))
  // Headers other than the type name the transport (date, connection, content-length of masked values).
  const type = res.headers['content-type']
  return { ...res, headers: type === undefined ? {} : { 'content-type': type }, cookies: res.cookies.map((l) => l.replace(/=[^;]*/, '=<value>').replace(/Expires=[^;]+/, 'Expires=<date>')), body }
}

/** better-auth 1.7's wire, exactly, over every transport (what its real client sees, test/dialects/). */
export const betterAuthCases: ContractCase[] = [
  {
    name: 'better-auth: sign-in sets <token>.<HMAC> as better-auth.session_token; get-session reads it; sign-out ends it',
    async run({ t, see }) {
      const c = new Client(t)
      const signIn = await c.signIn()
      see('sign-in', masked(signIn, t.origin))
      expect(signIn.status).toBe(200)
      expect(signIn.body).toMatchObject({ redirect: false, user: { id: 'user123', email: 'test@example.com' } })
      const cookie = decodeURIComponent(c.jar.get(SESSION) ?? '')
      const dot = cookie.lastIndexOf('.')
      expect(cookie.slice(0, dot)).toBe((signIn.body as { token: string }).token)
      expect(cookie.slice(dot + 1)).toBe(createHmac('sha256', BETTER_AUTH_SECRET).update(cookie.slice(0, dot)).digest('base64'))
      const session = await c.send('GET', '/get-session')
      see('session', masked(session, t.origin))
      expect(session.body).toMatchObject({ user: { id: 'user123' }, session: { userId: 'user123' } })
      const out = await c.send('POST', '/sign-out', { json: {} })
      see('sign-out', masked(out, t.origin))
      expect(out.body).toEqual({ success: true })
      expect((await c.send('GET', '/get-session')).body).toBeNull()
    },
  },
  {
    name: 'better-auth: bad credentials are 401 INVALID_EMAIL_OR_PASSWORD; a tampered cookie is no session',
    async run({ t, see }) {
      const c = new Client(t)
      const bad = see('bad', masked(await c.signIn('wrong'), t.origin))
      expect([bad.status, bad.body]).toEqual([401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }])
      await c.signIn()
      const value = c.jar.get(SESSION) ?? ''
      // Another first character (the token is random: it may already start with "x", which made this flaky).
      c.jar.set(SESSION, `${value.startsWith('x') ? 'y' : 'x'}${value.slice(1)}`)
      expect((await c.send('GET', '/get-session')).body).toBeNull()
    },
  },
  {
    name: 'better-auth: the bad-credentials, expired and server-error scenarios',
    async run({ t, see }) {
      const c = new Client(t)
      await t.control.use('bad-credentials')
      expect(see('bad-credentials', masked(await c.signIn(), t.origin)).status).toBe(401)
      await t.control.use('expired')
      expect((await c.signIn()).status).toBe(200)
      expect(see('expired session', masked(await c.send('GET', '/get-session'), t.origin)).body).toBeNull()
      await t.control.use('server-error')
      expect(see('server-error', masked(await c.signIn(), t.origin)).status).toBe(500)
      await t.control.use('default')
    },
  },
  {
    name: 'better-auth: POST /sign-in/social through the mock Google lands signed in on the callback URL',
    async run({ t, see }) {
      const c = new Client(t)
      const start = await c.send('POST', '/sign-in/social', { json: { provider: 'google', callbackURL: '/home', loginHint: 'test@example.com' } })
      see('social', { ...masked(start, t.origin), body: Object.keys(start.body as object) })
      expect(start.body).toMatchObject({ redirect: true })
      const authorize = new URL((start.body as { url: string }).url)
      expect(authorize.pathname).toBe('/oidc/google/authorize')
      const back = await send(t, 'GET', `${authorize.pathname}${authorize.search}`)
      const callback = new URL(back.headers.location ?? '')
      expect(callback.pathname).toBe(`${BASE}/callback/google`)
      const done = await c.send('GET', `/callback/google${callback.search}`)
      // better-auth redirects to the callbackURL as the app gave it.
      expect([done.status, done.headers.location]).toEqual([302, '/home'])
      expect((await c.send('GET', '/get-session')).body).toMatchObject({ user: { email: 'test@example.com' } })
    },
  },
]
