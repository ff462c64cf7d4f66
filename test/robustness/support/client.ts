import type { Reply, Target } from './target.js'

export interface SendInit {
  body?: unknown
  headers?: Record<string, string>
}

/** Builds a request for `target`; an object body is sent as JSON. */
export function request(target: Target, method: string, path: string, init: SendInit = {}): Request {
  const headers = new Headers(init.headers)
  let body: string | undefined
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Request(target.origin + path, { method, headers, body: body ?? null })
}

export function send(target: Target, method: string, path: string, init: SendInit = {}): Promise<Reply> {
  return target.send(request(target, method, path, init))
}

export interface SignedIn {
  accessToken: string
  refreshToken: string
  reply: Reply
}

/** Signs in with a password and returns the issued tokens; throws with the body when it fails. */
export async function signIn(target: Target, init: { username?: string; password?: string; namespace?: string } = {}): Promise<SignedIn> {
  const headers: Record<string, string> = {}
  if (init.namespace !== undefined) headers['x-mock-auth-namespace'] = init.namespace
  const reply = await send(target, 'POST', '/api/auth/login', {
    body: { username: init.username ?? 'test', password: init.password ?? 'test' },
    headers,
  })
  const body = reply.json as { accessToken?: unknown; refreshToken?: unknown } | undefined
  if (reply.status !== 200 || typeof body?.accessToken !== 'string' || typeof body.refreshToken !== 'string') {
    throw new Error(`sign-in failed on ${target.name}: ${reply.status} ${reply.text}`)
  }
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, reply }
}

export function bearer(token: string, extra: Record<string, string> = {}): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${token}`, ...extra } }
}
