import { createProviderProtocol, type ProviderEnv, type ProviderInput } from '../../src/providers/index.js'
import { base64url } from '../../src/core/base64url.js'

export const ORIGIN = 'http://localhost:4000'
export const REDIRECT = 'http://localhost:3000/api/auth/callback/google'

export interface Call {
  status: number
  headers: Record<string, string>
  body: string | null
  json: () => Record<string, unknown>
  location: URL
}

/** A protocol and one namespace's state, driven with Fetch-style requests (no transport). */
export function harness(inputs: ProviderInput[] = [], start = Date.UTC(2030, 0, 1)) {
  const protocol = createProviderProtocol(inputs)
  const env: ProviderEnv & { now: number } = { state: protocol.createState(), now: start }
  const call = async (method: string, path: string, options: { query?: Record<string, string>; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Call> => {
    const url = new URL(path, ORIGIN)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    const headers = new Headers(options.headers)
    let body: string | undefined
    if (options.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded')
      body = new URLSearchParams(options.form).toString()
    } else if (options.json !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(options.json)
    }
    const result = await protocol.fetch(new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }), env)
    if (!result) throw new Error(`not a provider request: ${path}`)
    return {
      status: result.status,
      headers: result.headers,
      body: result.body,
      json: () => JSON.parse(result.body ?? 'null') as Record<string, unknown>,
      get location() {
        return new URL(result.headers.location ?? 'about:blank')
      },
    }
  }
  return { protocol, env, call }
}

export async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))
}

export const VERIFIER = 'a'.repeat(20) + 'B'.repeat(23) + '-._~'

export function basic(id: string, secret: string): string {
  return `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`
}
