import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, type AuthResult } from '../../src/core/index.js'
import { resolveDialect } from '../../src/dialects/index.js'

/**
 * better-auth's wire in-process, for what its client does not show: the Origin check exactly where
 * better-auth applies it, callback URLs, cookie attributes, and the answers for scenarios that have
 * no native better-auth error.
 */
const ORIGIN = 'http://localhost:3000'
function engine(settings: Parameters<typeof resolveDialect>[1] = {}) {
  return createEngine({ dialect: resolveDialect('better-auth', settings), scenarios: builtinScenarios })
}
async function call(e: ReturnType<typeof engine>, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; base?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
  const body = init.body === undefined ? null : typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
  const result = (await e.fetch(new Request(`${init.base ?? ORIGIN}/api/auth${path}`, { method: init.method ?? (body === null ? 'GET' : 'POST'), headers, body }))) as AuthResult
  return { ...result, json: result.body === null ? null : (JSON.parse(result.body) as Record<string, unknown>) }
}
const credentials = { email: 'test@example.com', password: 'test' }

describe('better-auth dialect: the Origin check (better-auth 1.7 origin-check)', () => {
  it('accepts what the real backend accepts: curl without Origin, cookies or Sec-Fetch-*', async () => {
    expect((await call(engine(), '/sign-in/email', { body: credentials })).status).toBe(200)
  })
  it('a sign-in carrying Sec-Fetch-* needs a trusted Origin', async () => {
    const e = engine()
    const missing = await call(e, '/sign-in/email', { body: credentials, headers: { 'sec-fetch-mode': 'cors' } })
    expect([missing.status, missing.json]).toEqual([403, { code: 'MISSING_OR_NULL_ORIGIN', message: 'Missing or null Origin' }])
    const foreign = await call(e, '/sign-in/email', { body: credentials, headers: { 'sec-fetch-mode': 'cors', origin: 'http://evil.test' } })
    expect([foreign.status, foreign.json?.code]).toEqual([403, 'INVALID_ORIGIN'])
    const own = await call(e, '/sign-in/email', { body: credentials, headers: { 'sec-fetch-mode': 'cors', origin: ORIGIN } })
    expect(own.status).toBe(200)
  })
  it('refuses a cross-site navigation login outright', async () => {
    const r = await call(engine(), '/sign-in/email', { body: credentials, headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', origin: ORIGIN } })
    expect([r.status, r.json?.code]).toEqual([403, 'CROSS_SITE_NAVIGATION_LOGIN_BLOCKED'])
  })
  it('any POST carrying a Cookie needs a trusted Origin; a GET never does', async () => {
    const e = engine()
    const out = await call(e, '/sign-out', { body: {}, headers: { cookie: 'x=1', origin: 'http://evil.test' } })
    expect([out.status, out.json?.code]).toEqual([403, 'INVALID_ORIGIN'])
    expect((await call(e, '/sign-out', { body: {}, headers: { cookie: 'x=1' } })).json?.code).toBe('MISSING_OR_NULL_ORIGIN')
    expect((await call(e, '/get-session', { headers: { cookie: 'x=1', origin: 'http://evil.test' } })).status).toBe(200)
  })
  it('trusted origins are configurable; local origins are trusted by default', async () => {
    const e = engine({ trustedOrigins: ['https://app.example'] })
    const headers = { 'sec-fetch-mode': 'cors' }
    expect((await call(e, '/sign-in/email', { body: credentials, headers: { ...headers, origin: 'https://app.example' } })).status).toBe(200)
    expect((await call(e, '/sign-in/email', { body: credentials, headers: { ...headers, origin: 'http://localhost:5173' } })).status).toBe(403)
    expect((await call(engine(), '/sign-in/email', { body: credentials, headers: { ...headers, origin: 'http://localhost:5173' } })).status).toBe(200)
  })
  it('callback URLs must be relative or on a trusted origin', async () => {
    const e = engine()
    const bad = await call(e, '/sign-in/email', { body: { ...credentials, callbackURL: 'https://evil.test/x' } })
    expect([bad.status, bad.json?.code]).toEqual([403, 'INVALID_CALLBACK_URL'])
    const ok = await call(e, '/sign-in/email', { body: { ...credentials, callbackURL: '/dashboard' } })
    expect([ok.status, ok.headers.location, ok.json?.redirect, ok.json?.url]).toEqual([200, '/dashboard', true, '/dashboard'])
  })
})

describe('better-auth dialect: cookies and answers', () => {
  it('sets the session cookie as better-auth does, Secure with the __Secure- prefix on https', async () => {
    const plain = await call(engine(), '/sign-in/email', { body: credentials })
    expect(plain.cookies).toHaveLength(1)
    expect(plain.cookies[0]).toMatch(/^better-auth\.session_token=[^;]+%3D; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/)
    const secure = await call(engine(), '/sign-in/email', { body: credentials, base: 'https://app.example' })
    expect(secure.cookies[0]).toMatch(/^__Secure-better-auth\.session_token=.*; Secure$/)
  })
  it('rememberMe: false gives a browser-session cookie and dont_remember', async () => {
    const r = await call(engine(), '/sign-in/email', { body: { ...credentials, rememberMe: false } })
    expect(r.cookies[0]).not.toMatch(/Max-Age/)
    expect(r.cookies[1]).toMatch(/^better-auth\.dont_remember=/)
  })
  it('a tampered cookie is no session', async () => {
    const e = engine()
    const r = await call(e, '/sign-in/email', { body: credentials })
    const value = r.cookies[0]!.split(';')[0]!.split('=')[1]!
    const tampered = `${decodeURIComponent(value).slice(0, -6)}AAAAA=`
    expect((await call(e, '/get-session', { headers: { cookie: `better-auth.session_token=${encodeURIComponent(tampered)}` } })).json).toBeNull()
    expect((await call(e, '/get-session', { headers: { cookie: `better-auth.session_token=${value}` } })).json).toMatchObject({ user: { id: 'user123' } })
  })
  it('routes that need a session answer 401 UNAUTHORIZED without one', async () => {
    const r = await call(engine(), '/list-sessions')
    expect([r.status, r.json]).toEqual([401, { code: 'UNAUTHORIZED', message: 'Unauthorized' }])
  })
  it('bad bodies, unknown paths and methods are JSON errors', async () => {
    const e = engine()
    const text = await call(e, '/sign-in/email', { body: 'x', headers: { 'content-type': 'text/plain' } })
    expect([text.status, text.json?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    const missing = await call(e, '/sign-in/email', { body: {} })
    expect([missing.status, missing.json?.code]).toEqual([400, 'VALIDATION_ERROR'])
    expect(String(missing.json?.message)).toContain('[body.email]')
    expect((await call(e, '/nope')).json?.code).toBe('NOT_FOUND')
    const put = await call(e, '/sign-in/email', { method: 'PUT', body: {} })
    expect([put.status, put.headers.allow, put.json?.code]).toEqual([405, 'POST, OPTIONS', 'METHOD_NOT_ALLOWED'])
  })
  it('scenarios without a native better-auth answer: locked is the admin plugin\'s BANNED_USER, rate-limited the limiter\'s 429', async () => {
    const e = engine()
    e.namespace().use('locked')
    const locked = await call(e, '/sign-in/email', { body: credentials })
    expect([locked.status, locked.json?.code]).toEqual([403, 'BANNED_USER'])
    e.namespace().use('rate-limited')
    const limited = await call(e, '/sign-in/email', { body: credentials })
    expect([limited.status, limited.headers['x-retry-after'], limited.json?.code]).toEqual([429, '30', 'TOO_MANY_REQUESTS'])
  })
  it('a better-auth sign-up is a user of the namespace store, found by its email', async () => {
    const ba = engine()
    await call(ba, '/sign-up/email', { body: { email: 'both@example.com', password: 'password123', name: 'Both' } })
    expect(ba.namespace().store.findByLogin('both@example.com')?.name).toBe('Both')
  })
})
