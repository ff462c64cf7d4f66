import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine } from '../../src/core/engine.js'
import type { AuthResult } from '../../src/core/result.js'
import { restDialect } from '../../src/dialects/index.js'

const origin = 'http://localhost'
const engine = () => createEngine({ dialect: restDialect, scenarios: builtinScenarios })

function req(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers)
  let body: string | undefined
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Request(origin + path, { method, headers, body: body ?? null })
}

const json = (r: AuthResult | null) => JSON.parse(r?.body ?? 'null')

describe('engine', () => {
  it('signs in, reports the session, refreshes and signs out', async () => {
    const e = engine()
    const login = await e.fetch(req('POST', '/api/auth/login', { body: { username: 'test', password: 'test' } }))
    expect(login?.status).toBe(200)
    const body = json(login)
    expect(body).toMatchObject({ message: 'Authenticated', tokenType: 'Bearer', user: { id: 'user123', username: 'test' } })
    expect(login?.cookies).toHaveLength(2)
    const auth = { authorization: `Bearer ${body.accessToken}` }
    const session = await e.fetch(req('GET', '/api/auth', { headers: auth }))
    expect(json(session)).toMatchObject({ authenticated: true, user: { id: 'user123' } })
    const refreshed = await e.fetch(req('POST', '/api/auth/refresh', { body: { refreshToken: body.refreshToken } }))
    expect(refreshed?.status).toBe(200)
    const reused = await e.fetch(req('POST', '/api/auth/refresh', { body: { refreshToken: body.refreshToken } }))
    expect(json(reused).error).toBe('refresh_token_reused')
    const after = await e.fetch(req('GET', '/api/auth/me', { headers: { authorization: `Bearer ${json(refreshed).accessToken}` } }))
    expect(after?.status).toBe(401)
  })

  it('expired scenario: token_expired, then refresh works', async () => {
    const e = engine()
    e.namespace().use('expired')
    const body = json(await e.fetch(req('POST', '/api/auth', { body: { username: 'test', password: 'test' } })))
    const me = await e.fetch(req('GET', '/api/auth/me', { headers: { cookie: `session=${body.accessToken}` } }))
    expect(json(me).error).toBe('token_expired')
    expect(me?.headers['www-authenticate']).toContain('error="invalid_token"')
    const refreshed = await e.fetch(req('POST', '/api/auth/refresh', { headers: { cookie: `refresh_token=${body.refreshToken}` } }))
    expect(refreshed?.status).toBe(200)
    const me2 = await e.fetch(req('GET', '/api/auth/me', { headers: { authorization: `Bearer ${json(refreshed).accessToken}` } }))
    expect(me2?.status).toBe(200)
  })

  it('answers 405 with Allow, 404, 415, 400', async () => {
    const e = engine()
    const r405 = await e.fetch(req('PUT', '/api/auth/login'))
    expect(r405?.status).toBe(405)
    expect(r405?.headers.allow).toBe('POST, OPTIONS')
    expect((await e.fetch(req('GET', '/api/auth/nope')))?.status).toBe(404)
    expect((await e.fetch(req('POST', '/api/auth/login', { body: 'x', headers: { 'content-type': 'text/plain' } })))?.status).toBe(415)
    expect((await e.fetch(req('POST', '/api/auth/login', { body: '{bad' })))?.status).toBe(400)
    expect(await e.fetch(req('GET', '/other'))).toBeNull()
  })

  it('keeps at most maxNamespaces besides default, forgetting the least recently used', async () => {
    const e = createEngine({ dialect: restDialect, scenarios: builtinScenarios, maxNamespaces: 2 })
    const signIn = (ns: string) => e.fetch(req('POST', '/api/auth/login', { body: { username: 'test', password: 'test' }, headers: { 'x-mock-auth-namespace': ns } }))
    await signIn('default')
    await signIn('a')
    await signIn('b')
    await signIn('a') // a is now the most recently used
    await signIn('c') // forgets b
    expect(e.namespaces().sort()).toEqual(['a', 'c', 'default'])
    expect(e.namespace('a').store.sessions.size).toBe(2)
    expect(e.namespace('default').store.sessions.size).toBe(1)
    // A forgotten namespace starts again from scratch when it is used again.
    expect(e.namespace('b').store.sessions.size).toBe(0)
    expect(e.namespaces()).not.toContain('c')
    expect(() => createEngine({ dialect: restDialect, scenarios: builtinScenarios, maxNamespaces: 0 })).toThrow(/maxNamespaces must be a whole number of at least 1/)
  })
})

describe('sign-up past maxUsers', () => {
  it('answers limit_exceeded counting the users added, not the seed users beside them', async () => {
    const e = createEngine({ dialect: restDialect, scenarios: builtinScenarios, maxUsers: 1 })
    const register = (username: string) => e.fetch(req('POST', '/api/auth/register', { body: { username, email: `${username}@example.com`, password: 'password1' } }))
    expect((await register('first'))?.status).toBe(201)
    const full = await register('second')
    expect(json(full)).toMatchObject({ error: 'limit_exceeded', message: expect.stringContaining('already added 1 users beyond its seed users') })
  })
})
