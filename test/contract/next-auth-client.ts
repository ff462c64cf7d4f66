import type { ContractResponse, Transport } from './transport.js'
import { BASE, cookieValue, send, type RequestInit } from './client.js'

/** What a case records, with what legitimately differs between transports masked: the origin, dates. */
export function normalized(res: ContractResponse, origin: string): ContractResponse {
  const mask = (text: string) => text.replaceAll(origin, '<origin>').replace(/Expires=[^;]+/g, 'Expires=<date>').replace(/[0-9a-f]{64}/g, '<token>')
  const body = typeof res.body === 'string' ? mask(res.body) : res.body === null ? null : JSON.parse(mask(JSON.stringify(res.body)))
  const headers = { ...res.headers }
  if (headers.location) headers.location = mask(headers.location)
  return { ...res, headers, cookies: res.cookies.map(mask), body }
}

/** A tiny next-auth client over a transport: its cookie names, a jar, CSRF, form posts. */
export class NextAuthWireClient {
  readonly jar = new Map<string, string>()
  constructor(
    readonly t: Transport,
    readonly prefix: 'next-auth' | 'authjs',
  ) {}

  get session(): string {
    return `${this.prefix}.session-token`
  }

  /** A request under the base path; `root` sends `path` from the origin's root instead (a provider's route). */
  async send(method: string, path: string, init: RequestInit & { root?: boolean } = {}): Promise<ContractResponse> {
    const { root, ...rest } = init
    const res = await send(this.t, method, root ? path : `${BASE}${path}`, { ...rest, cookies: { ...Object.fromEntries(this.jar), ...rest.cookies } })
    for (const line of res.cookies) {
      const name = line.slice(0, line.indexOf('='))
      const value = cookieValue(res, name) ?? ''
      if (/Max-Age=0/i.test(line)) this.jar.delete(name)
      else this.jar.set(name, encodeURIComponent(value))
    }
    return res
  }

  async csrf(): Promise<string> {
    return ((await this.send('GET', '/csrf')).body as { csrfToken: string }).csrfToken
  }

  /** A form post as next-auth's client sends it (v4 adds `json=true`, v5 the X-Auth-Return-Redirect header). */
  form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<ContractResponse> {
    return this.send('POST', path, { body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded', headers })
  }
}
