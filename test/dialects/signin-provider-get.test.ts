import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { importUntyped } from './support/cookie-fetch.js'

/**
 * `GET /signin/<id>`: what a browser gets when it follows a link such as
 * `<a href="/api/auth/signin/google">` (next-auth/react's `signIn()` POSTs instead). The proof is
 * differential: the real library answers the same request in-process, and the mock must answer
 * as it does: status, Location (relative to each one's origin), content type, cookie names.
 */
const SECRET = 'a-secret-of-at-least-thirty-two-characters'
const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined }

interface Answer {
  status: number
  location: string | null
  type: string
  cookies: string[]
  body: string
}

const cookieNames = (lines: readonly string[]) => lines.map((line) => line.split('=')[0] ?? '').sort()
const relative = (location: string | null, origin: string) => (location === null ? null : location.replace(origin, '<origin>'))

async function mockAnswer(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual', headers })
  return { status: res.status, location: relative(res.headers.get('location'), server.url), type: (res.headers.get('content-type') ?? '').split(';')[0]!, cookies: cookieNames(res.headers.getSetCookie()), body: await res.text() }
}

describe('GET /signin/<id> in the authjs dialect, as @auth/core 0.41 answers it', () => {
  let server: RunningServer
  let real: (path: string, headers?: Record<string, string>) => Promise<Answer>
  beforeAll(async () => {
    server = await createServer({ dialect: 'authjs', basePath: '/auth', secret: SECRET }).listen()
    const { Auth } = (await importUntyped('auth-core')) as { Auth: (request: Request, config: unknown) => Promise<Response> }
    const Google = ((await importUntyped('auth-core/providers/google')) as { default: (options: Record<string, unknown>) => unknown }).default
    const config = { basePath: '/auth', secret: SECRET, trustHost: true, providers: [Google({ clientId: 'app', clientSecret: 'app-secret' })], logger: quiet }
    real = async (path, headers = {}) => {
      const res = await Auth(new Request(`http://localhost:3000${path}`, { headers }), config)
      return { status: res.status, location: relative(res.headers.get('location'), 'http://localhost:3000'), type: (res.headers.get('content-type') ?? '').split(';')[0]!, cookies: cookieNames(res.headers.getSetCookie()), body: await res.text() }
    }
  })
  afterAll(() => server.close())

  it('redirects to the error page with Configuration, without cookies, for a known or unknown provider', async () => {
    for (const path of ['/auth/signin/google', '/auth/signin/github', '/auth/signin/nope', '/auth/signin/google?callbackUrl=%2Fdashboard']) {
      const [theirs, ours] = await Promise.all([real(path), mockAnswer(server, path)])
      expect(theirs, path).toMatchObject({ status: 302, location: '<origin>/auth/error?error=Configuration', cookies: [] })
      expect({ ...ours, type: theirs.type, body: theirs.body }, path).toEqual(theirs)
    }
  })

  it('answers { url } with X-Auth-Return-Redirect, as a fetch client asking for JSON gets it', async () => {
    const headers = { 'x-auth-return-redirect': '1' }
    const [theirs, ours] = await Promise.all([real('/auth/signin/google', headers), mockAnswer(server, '/auth/signin/google', headers)])
    expect(theirs).toMatchObject({ status: 200, location: null, type: 'application/json', cookies: [] })
    expect({ ...ours, body: relative(JSON.parse(ours.body).url as string, server.url) }).toEqual({ ...theirs, body: relative(JSON.parse(theirs.body).url as string, 'http://localhost:3000') })
  })

  it('the error page it lands on answers 500 Configuration, as Auth.js renders it', async () => {
    const page = await mockAnswer(server, '/auth/error?error=Configuration')
    expect(page).toMatchObject({ status: 500, type: 'text/html' })
  })
})

describe('GET /signin/<id> in the next-auth dialect, as next-auth 4.24 answers it', () => {
  let server: RunningServer
  let real: (path: string) => Promise<Answer>
  beforeAll(async () => {
    server = await createServer({ dialect: 'next-auth', secret: SECRET }).listen()
    // next-auth v4 is CommonJS: its Pages-router API route, `NextAuth(req, res, options)`.
    const require = createRequire(import.meta.url)
    const NextAuth = (require('next-auth') as { default: (req: unknown, res: unknown, options: unknown) => Promise<void> }).default
    const Google = (require('next-auth/providers/google') as { default: (options: Record<string, unknown>) => unknown }).default
    real = async (path) => {
      const headers = new Map<string, string | string[]>()
      const res = { statusCode: 200, body: '' as unknown, status(code: number) { this.statusCode = code; return this }, setHeader(name: string, value: string | string[]) { headers.set(name.toLowerCase(), value); return this }, getHeader: (name: string) => headers.get(name.toLowerCase()), end() {}, json(body: unknown) { this.body = body }, send(body: unknown) { this.body = body } }
      const url = new URL(path, 'http://localhost:3000')
      const nextauth = url.pathname.replace(/^\/api\/auth\//, '').split('/')
      await NextAuth({ method: 'GET', headers: { host: 'localhost:3000', 'x-forwarded-proto': 'http' }, cookies: {}, body: {}, query: { ...Object.fromEntries(url.searchParams), nextauth } }, res, { secret: SECRET, providers: [Google({ clientId: 'app', clientSecret: 'app-secret' })], logger: quiet })
      const cookies = headers.get('set-cookie') ?? []
      return { status: res.statusCode, location: relative((headers.get('location') as string | undefined) ?? null, 'http://localhost:3000'), type: String(headers.get('content-type') ?? '').split(';')[0]!, cookies: cookieNames(Array.isArray(cookies) ? cookies : [cookies]), body: String(res.body) }
    }
  })
  afterAll(() => server.close())

  it('renders the sign-in page, with its CSRF and callback-url cookies, whatever the provider id', async () => {
    for (const path of ['/api/auth/signin/google', '/api/auth/signin/nope']) {
      const [theirs, ours] = await Promise.all([real(path), mockAnswer(server, path)])
      expect(theirs, path).toMatchObject({ status: 200, location: null, type: 'text/html', cookies: ['next-auth.callback-url', 'next-auth.csrf-token'] })
      expect({ ...ours, body: '' }, path).toEqual({ ...theirs, body: '' })
      // Both pages offer the Google button, a form posting to /signin/google with the CSRF token.
      for (const body of [theirs.body, ours.body]) {
        expect(body).toMatch(/<form[^>]*action="[^"]*\/api\/auth\/signin\/google"/)
        expect(body).toMatch(/name="csrfToken"/)
      }
    }
  })
})
