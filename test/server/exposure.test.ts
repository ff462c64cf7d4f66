import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, hostName, isLoopbackHost, type RunningServer } from '../../src/server/index.js'

/** A raw request with any Host and Origin (fetch would set Host itself). */
function send(server: RunningServer, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: IncomingHttpHeaders; json: any; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers: { ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (c: string) => (text += c))
      res.on('end', () => {
        let json: unknown
        try {
          json = text === '' ? null : JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }

describe('exposure: the control API refuses cross-site calls', () => {
  let server: RunningServer
  let listed: RunningServer
  beforeAll(async () => {
    server = await createServer().listen({ port: 0 })
    listed = await createServer({ cors: ['https://app.example.test'] }).listen({ port: 0 })
  })
  afterAll(async () => {
    await Promise.all([server.close(), listed.close()])
  })

  it('answers 403 forbidden_origin to a foreign Origin on every control route, and changes nothing', async () => {
    await send(server, 'POST', '/__mock-auth/clock', JSON_TYPE, '{"set":"2031-05-05T00:00:00Z"}')
    const calls: Array<[string, string, string | undefined]> = [
      ['POST', '/__mock-auth/reset', undefined],
      ['POST', '/__mock-auth/reset', '{}'],
      ['POST', '/__mock-auth/clock', '{"set":"2040-01-01T00:00:00Z"}'],
      ['PUT', '/__mock-auth/scenario', '{"name":"locked"}'],
      ['POST', '/__mock-auth/token', '{"user":"test"}'],
      ['GET', '/__mock-auth/state', undefined],
      ['GET', '/__mock-auth/health', undefined],
      ['OPTIONS', '/__mock-auth/reset', undefined],
      ['GET', '/__mock-auth/nope', undefined],
      // The journal's event stream too: a foreign page cannot read it, but could hold every stream slot.
      ['GET', '/__mock-auth/events', undefined],
    ]
    for (const origin of ['http://evil.example', 'null', 'https://localhost.evil.example', 'http://localhost:3000.evil.example']) {
      for (const [method, path, body] of calls) {
        const res = await send(server, method, path, { origin, ...(body === undefined ? {} : JSON_TYPE) }, body)
        expect(res.status, `${origin} ${method} ${path}`).toBe(403)
        expect(res.json).toMatchObject({ error: 'forbidden_origin', message: expect.stringContaining('--cors-origin') })
        expect(res.headers['access-control-allow-origin']).toBeUndefined()
      }
    }
    const state = (await send(server, 'GET', '/__mock-auth/state')).json
    expect(state.now).toMatch(/^2031-05-05/)
    expect(state.scenario).toBe('default')
    expect(state.totals.sessions).toBe(0)
  })

  it('lets allowed origins (and requests without Origin) in; a configured CORS list replaces the local default', async () => {
    expect((await send(server, 'POST', '/__mock-auth/reset', { origin: 'http://localhost:5173' })).status).toBe(200)
    expect((await send(server, 'POST', '/__mock-auth/reset')).status).toBe(200)
    expect((await send(listed, 'POST', '/__mock-auth/reset', { origin: 'https://app.example.test' })).status).toBe(200)
    const local = await send(listed, 'POST', '/__mock-auth/reset', { origin: 'http://localhost:5173' })
    expect(local.status).toBe(403)
    expect(local.json.error).toBe('forbidden_origin')
    // The auth routes keep answering any origin (CORS decides what the page may read).
    expect((await send(server, 'GET', '/api/auth/session', { origin: 'http://evil.example' })).status).toBe(200)
  })

  it('refuses a CORS entry that is no origin where it is given (it would never match an Origin header)', () => {
    for (const entry of ['notaurl', '*', 'http://localhost:3000/app', 'localhost:3000']) {
      expect(() => createServer({ cors: [entry] }), entry).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTIONS', message: expect.stringContaining('write an origin') }))
    }
    expect(() => createServer({ cors: ['http://localhost:3000/', 'https://App.example.test'.toLowerCase()] })).not.toThrow()
  })

  it('takes JSON bodies only: form-encoded, text/plain and multipart control calls are 415, reset included', async () => {
    const bodies: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', 'name=locked'],
      ['text/plain', '{"name":"locked"}'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ['application/x-www-form-urlencoded', ''],
      ['text/plain', ''],
    ]
    for (const path of ['/__mock-auth/reset', '/__mock-auth/clock', '/__mock-auth/token', '/__mock-auth/scenario']) {
      const method = path.endsWith('scenario') ? 'PUT' : 'POST'
      for (const [type, body] of bodies) {
        const res = await send(server, method, path, { 'content-type': type }, body)
        expect(res.status, `${type} ${path}`).toBe(415)
        expect(res.json).toMatchObject({ error: 'unsupported_media_type', message: expect.stringContaining('JSON only') })
      }
      const untyped = await send(server, method, path, {}, '{"name":"locked"}')
      expect(untyped.status, `no type ${path}`).toBe(415)
    }
    expect((await send(server, 'GET', '/__mock-auth/scenario')).json.name).toBe('default')
    expect((await send(server, 'POST', '/__mock-auth/reset', JSON_TYPE, '{}')).status).toBe(200)
    expect((await send(server, 'PUT', '/__mock-auth/scenario', { 'content-type': 'application/json; charset=utf-8' }, '{"name":"locked"}')).status).toBe(200)
    expect((await send(server, 'POST', '/__mock-auth/reset')).status).toBe(200)
  })
})

describe('exposure: DNS rebinding (Host names)', () => {
  let server: RunningServer
  let named: RunningServer
  let open: RunningServer
  beforeAll(async () => {
    server = await createServer().listen({ port: 0 })
    named = await createServer({ allowedHosts: ['App.Test'] }).listen({ port: 0 })
    open = await createServer({ allowedHosts: true }).listen({ port: 0 })
  })
  afterAll(async () => {
    await Promise.all([server.close(), named.close(), open.close()])
  })

  const everyKind = (s: RunningServer, host: string): Array<() => ReturnType<typeof send>> => [
    () => send(s, 'GET', '/api/auth/session', { host }),
    () => send(s, 'POST', '/api/auth/login', { host, ...JSON_TYPE }, '{"username":"test","password":"test"}'),
    () => send(s, 'GET', '/.well-known/jwks.json', { host }),
    () => send(s, 'GET', '/__mock-auth/health', { host }),
    () => send(s, 'POST', '/__mock-auth/reset', { host }),
    () => send(s, 'GET', '/nowhere', { host }),
    () => send(s, 'OPTIONS', '/api/auth/login', { host, origin: 'http://localhost:3000', 'access-control-request-method': 'POST' }),
    () => send(s, 'HEAD', '/__mock-auth/health', { host }),
  ]

  it('answers 403 forbidden_host to every request whose Host is another domain name', async () => {
    for (const host of ['evil.example', 'evil.example:4010', 'localhost.evil.example', 'EVIL.example.', '127.0.0.1.nip.io', 'app.test', 'x_y']) {
      for (const call of everyKind(server, host)) {
        const res = await call()
        expect(res.status, host).toBe(403)
        if (res.text !== '') expect(res.json).toMatchObject({ error: 'forbidden_host', message: expect.stringContaining('--allowed-host') })
        expect(res.headers['set-cookie']).toBeUndefined()
        expect(res.headers['access-control-allow-origin']).toBeUndefined()
      }
    }
  })

  it('accepts localhost, *.localhost, IP literals, named hosts (case-insensitive) and any host with true', async () => {
    for (const host of ['localhost', 'LOCALHOST:4010', 'localhost.', 'app.localhost:5173', '127.0.0.1', '127.0.0.1:1', '10.0.0.7:80', '[::1]:4010', '[::1]']) {
      expect((await send(server, 'GET', '/api/auth/session', { host })).status, host).toBe(200)
    }
    expect((await send(named, 'GET', '/__mock-auth/health', { host: 'app.test:8080' })).status).toBe(200)
    expect((await send(named, 'GET', '/__mock-auth/health', { host: 'other.test' })).status).toBe(403)
    expect((await send(open, 'GET', '/__mock-auth/health', { host: 'anything.example' })).status).toBe(200)
  })

  it('refuses malformed allowed-host names and reads Host values as RFC 9110 writes them', () => {
    expect(() => createServer({ allowedHosts: ['http://app.test'] })).toThrow(/Invalid allowed host "http:\/\/app.test"/)
    expect(hostName('[::1]:80')).toBe('::1')
    expect(hostName('Example.TEST:443')).toBe('example.test')
    expect(hostName('a:b')).toBeUndefined()
    expect(hostName('[::1]x')).toBeUndefined()
  })

})

describe('exposure: binding beyond loopback', () => {
  it('knows which addresses keep the server on this machine', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.test', '::ffff:10.0.0.1']) expect(isLoopbackHost(host), host).toBe(false)
  })
})

describe('exposure: an oversized body is not read to its end', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await createServer().listen({ port: 0 })
  })
  afterAll(() => server.close())

  for (const framing of ['content-length', 'chunked'] as const) {
    it(`answers 413 and closes the connection without waiting for the rest (${framing})`, async () => {
      const socket = connect(server.port, '127.0.0.1')
      const head =
        framing === 'content-length'
          ? 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n'
          : 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'
      const chunk = 'x'.repeat(64 * 1024)
      socket.write(head)
      for (let i = 0; i < 3; i++) socket.write(framing === 'chunked' ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : chunk)
      let answer = ''
      socket.setEncoding('utf8').on('data', (c: string) => (answer += c))
      // The rest of the 50 MB (or the final chunk) is never sent: the server must close by itself.
      await new Promise<void>((resolve) => socket.once('close', () => resolve()))
      expect(answer).toMatch(/^HTTP\/1\.1 413 /)
      expect(answer.toLowerCase()).toContain('connection: close')
      expect(answer).toContain('"error":"payload_too_large"')
    })
  }
})


describe('exposure: shutdown ends the event streams', () => {
  it('close() and shutdown() end an open dashboard stream instead of waiting out the grace period', async () => {
    for (const stop of ['close', 'shutdown'] as const) {
      const server = await createServer().listen({ port: 0 })
      const res = await fetch(`${server.url}/__mock-auth/events`)
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      await reader.read()
      const started = Date.now()
      await (stop === 'close' ? server.close() : server.shutdown(5_000))
      // The stream ends (done) rather than hanging until the socket is destroyed.
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
      expect(Date.now() - started).toBeLessThan(2_000)
    }
  })
})
