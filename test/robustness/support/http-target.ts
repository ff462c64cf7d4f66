import { Agent, request as httpRequest } from 'node:http'
import { createServer } from '../../../src/server/index.js'
import type { Engine } from '../../../src/core/index.js'
import type { CaseSender, WireCase } from './fuzz-run.js'
import { parseJson, replyOfResponse, type Reply, type Target } from './target.js'

/** Captured at load: a test may stub `globalThis.fetch` (the outbound trap) while this target runs. */
const realFetch = globalThis.fetch

/** The Express server on a real loopback port (port 0), serving `engine`. */
export async function expressTarget(engine: Engine): Promise<Target> {
  const running = await createServer({ engine }).listen({ port: 0 })
  const agent = new Agent({ keepAlive: true, maxSockets: 16 })
  return {
    name: 'express',
    origin: running.url,
    engine,
    send: async (request) => replyOfResponse(await realFetch(request)),
    sendCase: httpSender(running.port, agent),
    async close() {
      agent.destroy()
      await running.close()
    },
  }
}

/**
 * Sends a raw case with node:http, which (unlike fetch) carries any method token, repeated headers
 * and raw bytes as given. Values node:http itself refuses to put on the wire are `unsendable`.
 */
export function httpSender(port: number, agent: Agent): CaseSender {
  const once = (c: WireCase, via: Agent | false): Promise<Reply | 'unsendable' | 'stale'> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {}
      for (const [name, value] of c.headers) {
        const prior = headers[name]
        headers[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value]
      }
      let settled = false
      const settle = (reply: Reply | 'unsendable' | 'stale' | Error) => {
        if (settled) return
        settled = true
        if (reply instanceof Error) reject(reply)
        else resolve(reply)
      }
      let req
      try {
        req = httpRequest({ host: '127.0.0.1', port, method: c.method, path: c.path, headers, agent: via })
      } catch {
        settle('unsendable')
        return
      }
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', () => settle(dropped()))
        res.on('end', () => {
          const out: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) if (name !== 'set-cookie' && value !== undefined) out[name] = String(value)
          const text = Buffer.concat(chunks).toString('utf8')
          settle({ status: res.statusCode ?? 0, headers: out, cookies: res.headers['set-cookie'] ?? [], text, json: parseJson(text) })
        })
      })
      // A reset while the server answers early (e.g. 413 before the whole body is read) still counts as answered.
      // A kept-alive socket the server closed as we reused it (Node's documented race, see
      // `request.reusedSocket`) is the client's problem: the case is retried on a new connection.
      req.on('error', () => settle(req.reusedSocket ? 'stale' : dropped()))
      // A bound against a hung request, reported as a failure rather than waited on.
      req.setTimeout(10_000, () => settle(new Error(`no answer within 10 s`)))
      // node:http frames no body on HEAD (no Content-Length): the bytes would arrive as a bogus
      // second request. Malformed framing is covered on a raw socket in limits.test.ts.
      req.end(c.body === null || c.method.toUpperCase() === 'HEAD' ? undefined : c.body)
    })
  return async (c) => {
    const first = await once(c, agent)
    if (first !== 'stale') return first
    const second = await once(c, false)
    return second === 'stale' ? dropped() : second
  }
}

function dropped(): Reply {
  return { status: 0, headers: {}, cookies: [], text: '', json: undefined, networkError: true }
}
