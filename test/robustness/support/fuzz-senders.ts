import type { AuthRequest, Engine } from '../../../src/core/index.js'
import { bearer, send, signIn } from './client.js'
import type { CaseSender, Probe, WireCase } from './fuzz-run.js'
import { replyOf, type Target } from './target.js'

/**
 * The engine in-process, fed a bare `AuthRequest`: any method token, any path, repeated headers,
 * a lying Content-Length and raw bytes reach it exactly as sent (no Fetch `Request` to tidy them).
 */
export function engineSender(engine: Engine): CaseSender {
  return async (c) => replyOf(await engine.fetch(authRequest(c)))
}

export function authRequest(c: WireCase): AuthRequest {
  const headers = new Map<string, string>()
  for (const [name, value] of c.headers) {
    const key = name.toLowerCase()
    const prior = headers.get(key)
    // RFC 9110 §5.3: repeated fields combine with ", " (Cookie with "; ", RFC 6265 §5.4).
    headers.set(key, prior === undefined ? value : `${prior}${key === 'cookie' ? '; ' : ', '}${value}`)
  }
  const body = c.body
  return {
    method: c.method,
    url: `http://localhost${c.path}`,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    body: body === null ? null : chunks(body),
  }
}

/** The body in a few uneven chunks, as a socket would deliver it. */
async function* chunks(body: Uint8Array): AsyncIterable<Uint8Array> {
  const size = Math.max(1, Math.ceil(body.length / 3))
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size)
}

/** A fresh sign-in in a namespace the fuzz never touches, then `/me` with its token. */
export function probeOf(target: Target): Probe {
  return async () => {
    const signedIn = await signIn(target, { namespace: 'fuzz-probe' })
    const me = await send(target, 'GET', '/api/auth/me', bearer(signedIn.accessToken, { 'x-mock-auth-namespace': 'fuzz-probe' }))
    if (me.status !== 200) throw new Error(`/me after a fresh sign-in answered ${me.status} ${me.text}`)
    return { access: signedIn.accessToken, refresh: signedIn.refreshToken }
  }
}
