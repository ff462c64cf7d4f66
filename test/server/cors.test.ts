import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, isLocalOrigin, type RunningServer } from '../../src/server/index.js'

let server: RunningServer
let listed: RunningServer
beforeAll(async () => {
  server = await createServer().listen({ port: 0 })
  listed = await createServer({ cors: ['https://app.example.test'] }).listen({ port: 0 })
})
afterAll(async () => {
  await Promise.all([server.close(), listed.close()])
})

const preflight = (s: RunningServer, origin: string, path = '/api/auth/login') =>
  fetch(`${s.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-mock-auth-namespace' },
  })

describe('CORS with credentials', () => {
  it('accepts any local development origin by default', () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'http://localhost']) expect(isLocalOrigin(origin), origin).toBe(true)
    for (const origin of ['https://localhost:5173', 'http://localhost.evil.test', 'http://evil.test', 'null', 'http://127.0.0.1:3000/']) expect(isLocalOrigin(origin), origin).toBe(false)
  })

  it('answers an allowed preflight with the origin reflected, never *', async () => {
    const res = await preflight(server, 'http://localhost:5173')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, authorization, x-mock-auth-namespace, x-mock-auth-scenario')
    expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers')
  })

  it('preflights the control API too, whatever the scenario', async () => {
    const res = await fetch(`${server.url}/__mock-auth/scenario`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:4000', 'access-control-request-method': 'PUT', 'x-mock-auth-scenario': 'network-error' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000')
  })

  it('adds the headers to real responses and exposes WWW-Authenticate and Retry-After', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toBe('www-authenticate, retry-after')
    expect(res.headers.getSetCookie()).toHaveLength(2)
  })

  it('gives other origins no CORS header at all', async () => {
    const pre = await preflight(server, 'http://evil.test')
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull()
    expect(pre.headers.get('vary')).toBe('Origin')
    const res = await fetch(`${server.url}/api/auth/session`, { headers: { origin: 'http://evil.test' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('uses a configured list instead of the local default', async () => {
    expect((await preflight(listed, 'https://app.example.test')).headers.get('access-control-allow-origin')).toBe('https://app.example.test')
    expect((await preflight(listed, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('grants an allowed origin the request headers its preflight asks for (tracing, CSRF), and only valid names', async () => {
    const asked = 'traceparent, tracestate, baggage, sentry-trace, X-CSRF-Token, content-type'
    for (const path of ['/api/auth/login', '/api/auth/me', '/__mock-auth/reset']) {
      const res = await fetch(`${server.url}${path}`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': asked } })
      expect(res.status).toBe(204)
      const granted = (res.headers.get('access-control-allow-headers') ?? '').split(', ')
      for (const name of ['traceparent', 'tracestate', 'baggage', 'sentry-trace', 'x-csrf-token', 'content-type', 'authorization', 'x-mock-auth-namespace']) expect(granted, path).toContain(name)
      expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers')
    }
    const odd = await fetch(`${server.url}/api/auth/login`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-ok, bad header, (x)' } })
    expect(odd.headers.get('access-control-allow-headers')).toBe('content-type, authorization, x-mock-auth-namespace, x-mock-auth-scenario, x-ok')
    const foreign = await fetch(`${server.url}/api/auth/login`, { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'traceparent' } })
    expect(foreign.headers.get('access-control-allow-headers')).toBeNull()
  })
})
