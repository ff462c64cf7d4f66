import { NAMESPACE_HEADER } from '../core/kernel.js'
import { DEFAULT_URL } from './defaults.js'
import { CliError, type CliIo } from './io.js'

export interface TokenCommandOptions {
  user: string
  ttl?: string | undefined
  expired?: boolean | undefined
  url?: string | undefined
  namespace?: string | undefined
  json?: boolean | undefined
}

/**
 * `mock-auth token`: asks a running server to mint tokens (`POST /__mock-auth/token`), so the token
 * is signed with that server's keys and backed by a real session there. Prints the access token
 * alone, ready for `Authorization: Bearer $(mock-auth token --user test)`.
 */
export async function runToken(options: TokenCommandOptions, io: CliIo): Promise<number> {
  const base = (options.url ?? DEFAULT_URL).replace(/\/+$/, '')
  let endpoint: URL
  try {
    endpoint = new URL(`${base}/__mock-auth/token`)
  } catch {
    throw new CliError(`Invalid --url "${options.url}": use the server's address, e.g. ${DEFAULT_URL}.`, 2)
  }
  const body: Record<string, unknown> = { user: options.user }
  if (options.ttl !== undefined) body.ttl = options.ttl
  if (options.expired) body.expired = true
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.namespace !== undefined) headers[NAMESPACE_HEADER] = options.namespace
  let response: Response
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) })
  } catch {
    throw new CliError(`No mock-auth server answers at ${base}: start one with "mock-auth serve" (or pass --url to reach another one).`)
  }
  const text = await response.text()
  let data: { accessToken?: unknown; message?: unknown; error?: unknown } | undefined
  try {
    data = JSON.parse(text) as typeof data
  } catch {
    data = undefined
  }
  if (!response.ok || typeof data?.accessToken !== 'string') {
    const why = typeof data?.message === 'string' ? data.message : `HTTP ${response.status}, not a mock-auth answer`
    throw new CliError(`The server at ${base} refused to mint a token: ${why}`)
  }
  io.stdout.write(options.json ? `${JSON.stringify(data, null, 2)}\n` : `${data.accessToken}\n`)
  return 0
}
