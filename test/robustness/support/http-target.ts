import { Agent, request as httpRequest } from 'node:http'
import { createServer } from '../../../src/server/index.js'
import type { Engine } from '../../../src/core/index.js'
import type { CaseSender } from './fuzz-run.js'
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
  return (c) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {}
      for (const [name, value] of c.headers) {
        const prior = headers[name]
        headers[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value]
      }
      let settled = false
      const settle = (reply: Reply | 'unsendable' | Error) => {
        if (settled) return
        settled = true
        if (reply instanceof Error) reject(reply)
        else resolve(reply)
      }
      let req
      try {
        req = httpRequest({ host: '127.0.0.1', port, method: c.method, path: c.path, headers, agent })
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
      req.on('error', () => settle(dropped()))
      // A bound against a hung request, reported as a failure rather than waited on.
      req.setTimeout(10_000, () => settle(new Error(`no answer within 10 s`)))
      // node:http frames no body on HEAD (no Content-Length): the bytes would arrive as a bogus
      // second request. Malformed framing is covered on a raw socket in limits.test.ts.
      req.end(c.body === null || c.method.toUpperCase() === 'HEAD' ? undefined : c.body)
    })
}

function dropped(): Reply {
  return { status: 0, headers: {}, cookies: [], text: '', json: undefined, networkError: true }
}
