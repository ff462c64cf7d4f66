import { createServer as createHttpServer, IncomingMessage, ServerResponse, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { expressServerOptions } from '../../src/server/express-prototypes.js'

const closing: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()))
})

async function start(): Promise<RunningServer> {
  const server = await createServer().listen({ port: 0 })
  closing.push(() => server.close())
  return server
}

/** Writes `parts` to one keep-alive connection with `gapMs` between them; resolves with every byte answered once `answers` responses are in. */
function rawExchange(port: number, parts: string[], answers: number, gapMs = 40): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
      if ((text.match(/HTTP\/1\.1 /g) ?? []).length >= answers && /\r\n\r\n[^]*\}$/.test(text)) {
        socket.destroy()
        resolve(text)
      }
    })
    socket.on('error', reject)
    socket.on('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, gapMs))
        socket.write(part)
      }
    })
  })
}

const loginBody = JSON.stringify({ username: 'test', password: 'test' })
const loginHead = `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${loginBody.length}\r\n\r\n`

describe('expressServerOptions', () => {
  it("gives requests and responses the app's own prototypes from birth, and Express works on them as ever", async () => {
    const app = express()
    const seen: unknown[] = []
    app.get('/x', (req, res) => {
      res.json({ agent: req.get('x-test'), path: req.path })
    })
    const server: Server = createHttpServer(expressServerOptions(app), (req, res) => {
      // Before Express's app.handle: already the prototypes it would set.
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response, req instanceof IncomingMessage, res instanceof ServerResponse)
      app(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closing.push(() => new Promise((resolve) => server.close(() => resolve())))
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x?q=1`, { headers: { 'x-test': 'yes' } })
    expect(await res.json()).toEqual({ agent: 'yes', path: '/x' })
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(seen).toEqual([true, true, true, true])
  })
})

describe('serve reads bodies with and without waiting', () => {
  it('signs in whether the body came with the headers or after them', async () => {
    const server = await start()
    const together = await rawExchange(server.port, [loginHead + loginBody], 1)
    const later = await rawExchange(server.port, [loginHead, loginBody.slice(0, 10), loginBody.slice(10)], 1)
    for (const answer of [together, later]) {
      expect(answer).toMatch(/^HTTP\/1\.1 200 /)
      expect(answer).toContain('"accessToken"')
    }
  })

  it('answers a GET that carries a body and keeps serving the connection', async () => {
    const server = await start()
    const get = 'GET /__mock-auth/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello'
    const answer = await rawExchange(server.port, [get, get], 2)
    expect(answer.match(/HTTP\/1\.1 200 /g)).toHaveLength(2)
    expect(answer.match(/\{"status":"ok"\}/g)).toHaveLength(2)
  })
})
