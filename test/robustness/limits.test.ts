import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { bearer, send, signIn } from './support/client.js'
import type { Target } from './support/target.js'
import { TARGETS } from './support/targets.js'

describe.each(TARGETS)('limits on $name', (factory) => {
  let target: Target
  beforeEach(async () => {
    target = await factory.create()
  })
  afterEach(() => target.close())

  it('refuses sign-up fields too long for a cookie-borne token, and keeps serving', async () => {
    for (const body of [
      { username: 'u'.repeat(20_000), password: 'x' },
      { username: 'ok-user', email: `${'e'.repeat(300)}@example.com`, password: 'x' },
      { username: 'ok-user', name: 'n'.repeat(257), password: 'x' },
      { username: 'ok-user', password: 'p'.repeat(1025) },
    ]) {
      const reply = await send(target, 'POST', '/api/auth/register', { body })
      expect(reply.status, reply.text).toBe(400)
      expect(reply.json).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/longer than \d+ characters|too long: \d+ bytes once encoded/) })
    }
    const fine = await send(target, 'POST', '/api/auth/register', { body: { username: 'u'.repeat(256), password: 'x' } })
    expect(fine.status).toBe(201)
    expect(fine.cookies.every((cookie) => cookie.length < 4096)).toBe(true)
  })

  it('a new namespace name per request cannot grow memory without end: at most maxNamespaces live', async () => {
    const capped = await factory.create({ maxNamespaces: 25 })
    try {
      const home = await signIn(capped)
      for (let i = 0; i < 300; i++) {
        const headers = { 'x-mock-auth-namespace': `flood-${i}` }
        const reply = await send(capped, 'POST', '/api/auth/login', { body: { username: 'test', password: 'test' }, headers })
        expect(reply.status, reply.text).toBe(200)
      }
      expect(capped.engine.namespaces()).toHaveLength(26)
      expect(capped.engine.namespaces()).toContain('default')
      // The default namespace's session survived the flood.
      const me = await send(capped, 'GET', '/api/auth/me', bearer(home.accessToken))
      expect(me.status, me.text).toBe(200)
    } finally {
      await capped.close()
    }
  })

  it('keeps the engine clock inside 1970..9999 so expiry dates always serialize', async () => {
    const clock = target.engine.namespace().clock
    expect(() => clock.advance('99999999d')).toThrow(/100 years/)
    expect(() => clock.advance('9'.repeat(400))).toThrow(expect.objectContaining({ code: 'ERR_INVALID_DURATION' }))
    expect(() => clock.set(8.64e15)).toThrow(/between 1970-01-01 and 9999-12-31/)
    expect(() => clock.set('+275760-09-13T00:00:00Z')).toThrow(/real ISO 8601 date/)
    expect(() => clock.set(-1)).toThrow(/between 1970-01-01 and 9999-12-31/)
    for (let i = 0; i < 200; i++) {
      try {
        clock.advance('36500d')
      } catch {
        break
      }
    }
    expect(clock.now()).toBeLessThanOrEqual(Date.UTC(9999, 11, 31, 23, 59, 59))
    const signedIn = await signIn(target)
    expect((signedIn.reply.json as { expiresAt: string }).expiresAt).toMatch(/^\+?\d{4,6}-/)
    expect((await send(target, 'GET', '/api/auth/me', bearer(signedIn.accessToken))).status).toBe(200)
  })
})

describe('limits on the control API and the HTTP parser (express)', () => {
  let running: RunningServer
  beforeEach(async () => {
    running = await createServer({}).listen({ port: 0 })
  })
  afterEach(() => running.close())

  const post = (path: string, body: unknown) =>
    fetch(running.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('answers 400, not 500, for clock moves outside what a date can hold, and the namespace keeps working', async () => {
    for (const body of [{ advance: '99999999d' }, { advance: '9'.repeat(400) }, { set: '+275760-09-13T00:00:01Z' }, { set: 1e20 }, { advance: 1e300 }]) {
      const response = await post('/__mock-auth/clock', body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) })
    }
    expect((await post('/__mock-auth/clock', { set: '9999-12-31T00:00:00Z' })).status).toBe(200)
    const login = await post('/api/auth/login', { username: 'test', password: 'test' })
    expect(login.status).toBe(200)
    expect((await fetch(`${running.url}/__mock-auth/state`)).status).toBe(200)
  })

  /** Writes raw bytes and reads the whole answer (the server closes after a parse error). */
  function raw(bytes: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(running.port, '127.0.0.1', () => socket.end(bytes))
      let text = ''
      socket.setEncoding('latin1')
      socket.on('data', (chunk: string) => (text += chunk))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
  }

  it.each([
    ['an unknown method', 'X-CUSTOM /api/auth HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['garbage', 'hello\r\n\r\n', 400],
    ['a bad Content-Length', 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ['headers over 16 KB', `GET /api/auth HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('answers %s with a JSON error and keeps serving', async (_label, bytes, status) => {
    const answer = await raw(bytes)
    expect(answer.startsWith(`HTTP/1.1 ${status} `), answer.slice(0, 80)).toBe(true)
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4)
    expect(JSON.parse(body)).toMatchObject({ error: 'invalid_request', message: expect.any(String) })
    expect((await fetch(`${running.url}/__mock-auth/health`)).status).toBe(200)
  })
})
