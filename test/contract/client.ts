import type { ContractResponse, Transport, TransportOptions } from './transport.js'

export const BASE = '/api/auth'

export interface RequestInit {
  json?: unknown
  /** A raw body; `type` sets its Content-Type. */
  body?: string
  type?: string
  headers?: Record<string, string>
  cookies?: Record<string, string>
  bearer?: string
}

/** What every case gets: its transport, a way to record what it observed, extra transports. */
export interface CaseContext {
  t: Transport
  /** Records an observation for the cross-transport comparison and returns the response. */
  see(label: string, response: ContractResponse): ContractResponse
  /** A further started transport of the same kind with other options (stopped after the case). */
  make(options: TransportOptions): Promise<Transport>
}

export function request(t: Transport, method: string, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers)
  let body: string | null = null
  if (init.json !== undefined) {
    body = typeof init.json === 'string' ? init.json : JSON.stringify(init.json)
    headers.set('content-type', init.type ?? 'application/json')
  } else if (init.body !== undefined) {
    body = init.body
    if (init.type) headers.set('content-type', init.type)
  }
  if (init.cookies) headers.set('cookie', Object.entries(init.cookies).map(([k, v]) => `${k}=${v}`).join('; '))
  if (init.bearer !== undefined) headers.set('authorization', `Bearer ${init.bearer}`)
  // Redirects are answers to check, hop by hop, on every transport (fetch would follow them over HTTP only).
  return new Request(`${t.origin}${path}`, { method, headers, body, redirect: 'manual' })
}

export function send(t: Transport, method: string, path: string, init?: RequestInit): Promise<ContractResponse> {
  return t.send(request(t, method, path, init))
}

/** The value of a cookie the response sets. */
export function cookieValue(res: ContractResponse, name: string): string | undefined {
  const line = res.cookies.find((c) => c.startsWith(`${name}=`))
  return line === undefined ? undefined : decodeURIComponent(line.slice(name.length + 1).split(';', 1)[0] ?? '')
}

/** A Set-Cookie's attributes, lower-cased names: `{ path: '/', httponly: true, 'max-age': '0' }`. */
export function cookieAttributes(res: ContractResponse, name: string): Record<string, string | true> | undefined {
  const line = res.cookies.find((c) => c.startsWith(`${name}=`))
  if (line === undefined) return undefined
  const attrs: Record<string, string | true> = {}
  for (const part of line.split(';').slice(1)) {
    const [key = '', ...value] = part.trim().split('=')
    attrs[key.toLowerCase()] = value.length ? value.join('=') : true
  }
  return attrs
}

export interface Session {
  res: ContractResponse
  body: { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string; username: string } }
  access: string
  refresh: string
}

export async function signIn(t: Transport, user = 'test', password = 'test', headers: Record<string, string> = {}): Promise<Session> {
  const res = await send(t, 'POST', `${BASE}/login`, { json: { username: user, password }, headers })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`)
  const body = res.body as Session['body']
  return { res, body, access: body.accessToken, refresh: body.refreshToken }
}

/** The error code of an error body. */
export function code(res: ContractResponse): unknown {
  return (res.body as { error?: unknown } | null)?.error
}

const DYNAMIC = new Set(['csrfToken', 'expires', 'accessToken', 'refreshToken', 'expiresAt', 'refreshTokenExpiresAt', 'expiresIn', 'now', 'createdAt', 'id', 'kid', 'x', 'y', 'challengeId'])
const COMPARED_HEADERS = ['content-type', 'cache-control', 'www-authenticate', 'allow', 'retry-after']

/** What must be equal across transports: status, key headers, cookie attributes, body shape. */
export function observation(res: ContractResponse): unknown {
  const headers: Record<string, string> = {}
  for (const name of COMPARED_HEADERS) if (res.headers[name] !== undefined) headers[name] = res.headers[name]
  return {
    status: res.status,
    networkError: res.networkError === true,
    headers,
    cookies: res.cookies.map((c) => c.replace(/^([^=]+)=([^;]+)/, '$1=<value>')),
    body: shape(res.body),
  }
}

function shape(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => shape(v))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k], k)]))
  }
  if (key !== undefined && DYNAMIC.has(key)) return `<${typeof value}>`
  return value
}
