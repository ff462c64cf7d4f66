import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { defineScenario } from '../../src/core/index.js'
import { createServer, type RunningServer, type RequestLogEntry } from '../../src/server/index.js'

const running: RunningServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

async function start(options: Parameters<typeof createServer>[0] = {}): Promise<RunningServer> {
  const server = await createServer(options).listen({ port: 0 })
  running.push(server)
  return server
}

/** A raw HTTP/1.1 request, for what fetch refuses to send (odd paths, repeated headers). */
function raw(server: RunningServer, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const signIn = (server: RunningServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'test', password: 'test' }) })

describe('createServer', () => {
  it('binds 127.0.0.1 on a free port and answers health', async () => {
    const server = await start()
    expect(server.host).toBe('127.0.0.1')
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const res = await fetch(`${server.url}/__mock-auth/health`)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('sends every cookie as its own Set-Cookie and no X-Powered-By', async () => {
    const server = await start()
    const res = await signIn(server)
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['session', 'refresh_token'])
    expect(res.headers.get('x-powered-by')).toBeNull()
    expect(res.headers.get('content-type')).toBe('application/json')
  })

  it('answers a JSON 404 for paths outside the base path and the control API', async () => {
    const server = await start()
    for (const path of ['/', '/favicon.ico', '/api/other', '/%E0%A4%A']) {
      const res = await raw(server, path)
      expect(res.status, path).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject({ error: 'not_found', message: expect.stringContaining('/api/auth') })
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })

  it('survives malformed URLs and odd request targets', async () => {
    const server = await start()
    for (const path of ['/api/auth/%E0%A4%A', '/api/auth/me%', '//api/auth', '/api/auth/../auth/me', '/api/auth?x=%zz']) {
      const res = await raw(server, path)
      expect(res.status, path).toBeLessThan(500)
      expect(() => JSON.parse(res.body)).not.toThrow()
    }
    expect((await fetch(`${server.url}/__mock-auth/health`)).status).toBe(200)
  })

  it('reads repeated headers and a cookie sent in two headers', async () => {
    const server = await start()
    const login = await (await signIn(server)).json()
    const res = await raw(server, '/api/auth/me', 'GET', { cookie: `a=1; session=${login.accessToken}` })
    expect(res.status).toBe(200)
  })

  it('serves a custom base path and user scenarios', async () => {
    const server = await start({ basePath: '/auth', scenarios: [defineScenario({ name: 'teapot-lock', description: 'Locked.', respond: { signIn: { error: 'account_locked' } } })], scenario: 'teapot-lock' })
    const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
    expect(res.status).toBe(423)
    expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(404)
  })

  it('logs method, path, status, time and scenario, and marks dropped connections', async () => {
    const lines: Array<{ line: string; entry: RequestLogEntry }> = []
    const server = await start({ log: (line, entry) => lines.push({ line, entry }) })
    await signIn(server, { 'x-mock-auth-scenario': 'expired' })
    await fetch(`${server.url}/__mock-auth/health?x=1`)
    await fetch(`${server.url}/api/auth/session`, { headers: { 'x-mock-auth-scenario': 'network-error' } }).catch(() => undefined)
    await expect.poll(() => lines.length).toBe(3)
    expect(lines[0]?.entry).toMatchObject({ method: 'POST', path: '/api/auth/login', status: 200, scenario: 'expired', dropped: false })
    expect(lines[0]?.line).toMatch(/^POST \/api\/auth\/login 200 \d+ms \[expired\]$/)
    expect(lines[1]?.entry).toMatchObject({ path: '/__mock-auth/health', status: 200, scenario: undefined })
    expect(lines[2]?.line).toMatch(/^GET \/api\/auth\/session dropped \d+ms \[network-error\]$/)
  })

  it('answers JSON 500 without a stack trace when something throws, and keeps serving', async () => {
    const app = createServer()
    const server = await app.listen({ port: 0 })
    running.push(server)
    // A failing engine stands in for any unexpected bug in a route.
    app.engine.fetch = async () => {
      throw new Error('boom at secret/path.ts:12')
    }
    const res = await fetch(`${server.url}/api/auth/session`)
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ error: 'server_error' })
    expect(text).not.toContain('boom')
    expect(text).not.toContain('.ts')
    expect((await fetch(`${server.url}/__mock-auth/health`)).status).toBe(200)
  })

  it('answers the same through its Express app mounted in another app (yourApp.use(app)) as through listen()', async () => {
    const mock = createServer()
    const outer = express()
    outer.get('/own', (_req, res) => {
      res.json({ own: true })
    })
    outer.use(mock.app)
    const http = createHttpServer(outer)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
    try {
      expect(await (await fetch(`${origin}/own`)).json()).toEqual({ own: true })
      const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password: 'test' }) })
      expect(login.status).toBe(200)
      expect(login.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['session', 'refresh_token'])
      const session = await fetch(`${origin}/api/auth/session`, { headers: { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` } })
      expect(session.status).toBe(200)
      const missing = await fetch(`${origin}/api/other`)
      expect(missing.status).toBe(404)
      expect(await missing.json()).toMatchObject({ error: 'not_found' })
      mock.engine.fetch = async () => {
        throw new Error('boom')
      }
      const failed = await fetch(`${origin}/api/auth/session`)
      expect(failed.status).toBe(500)
      expect(await failed.json()).toMatchObject({ error: 'server_error' })
    } finally {
      await new Promise((resolve) => http.close(resolve))
    }
  })

  it('reports a taken port as a sentence that says what to do', async () => {
    const first = await start()
    const error = await createServer().listen({ port: first.port }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(`Port ${first.port} on 127.0.0.1 is already in use: stop the other server or choose another port with --port (0 picks a free one).`)
    expect((error as { code?: string }).code).toBe('EADDRINUSE')
  })

  it('refuses NODE_ENV=production unless allowed', async () => {
    const previous = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      expect(() => createServer()).toThrow(/Refusing to start: NODE_ENV is "production".*--allow-production/)
      expect(() => createServer({ allowProduction: true })).not.toThrow()
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = previous
    }
  })

  it('close() ends keep-alive and delayed connections and resolves `closed`', async () => {
    const server = await createServer({ scenarios: [defineScenario({ name: 'very-slow', description: 'Slow.', delay: '1h' })] }).listen({ port: 0 })
    const pending = fetch(`${server.url}/api/auth/session`, { headers: { 'x-mock-auth-scenario': 'very-slow' } }).catch((e: unknown) => e)
    await fetch(`${server.url}/__mock-auth/health`)
    await server.close()
    await server.closed
    expect(await pending).toBeInstanceOf(Error)
    await server.close()
  })
})
