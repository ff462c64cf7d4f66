import { stringifySetCookie, type SerializeOptions } from 'cookie'
import { parseDuration } from '../../core/duration.js'
import { MockAuthError } from '../../core/errors.js'
import type { ContractCookieInput } from './contract-types.js'

/** A cookie of a contract, its attributes checked at load. */
export interface ContractCookie {
  readonly name: string
  readonly path: string
  /** `name=value; ...` for a cookie set at `nowMs`; `fallbackMs` is its lifetime when the contract gives none. */
  set(value: string, nowMs: number, fallbackMs: number): string
  /** The same cookie expired now (RFC 6265 §5.3: an Expires in the past, or Max-Age=0). */
  clear(): string
}

const KEYS = new Set(['name', 'path', 'domain', 'httpOnly', 'secure', 'sameSite', 'maxAge', 'expires'])
const EPOCH = new Date(0)

/** Checks a cookie spec; the cookie library refuses names, paths and domains RFC 6265 does not allow. */
export function contractCookie(input: unknown, where: string, source: string): ContractCookie {
  const fail = (why: string): never => {
    throw new MockAuthError('ERR_INVALID_CONTRACT', `Invalid contract ${source}: ${why}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(`"${where}" must be an object like {"name": "session", "httpOnly": true}, or false for no cookie.`)
  const spec = input as Record<string, unknown>
  for (const key of Object.keys(spec)) if (!KEYS.has(key)) fail(`"${where}.${key}" is not a cookie attribute; use ${[...KEYS].join(', ')}.`)
  if (typeof spec.name !== 'string' || spec.name === '') fail(`"${where}.name" must be the cookie's name, e.g. "session".`)
  for (const key of ['path', 'domain'] as const) if (spec[key] !== undefined && typeof spec[key] !== 'string') fail(`"${where}.${key}" must be a string.`)
  for (const key of ['httpOnly', 'secure'] as const) if (spec[key] !== undefined && typeof spec[key] !== 'boolean') fail(`"${where}.${key}" must be true or false.`)
  if (spec.sameSite !== undefined && !['lax', 'strict', 'none', false].includes(spec.sameSite as string)) fail(`"${where}.sameSite" must be "lax", "strict", "none" or false.`)
  if (spec.maxAge !== undefined && spec.expires !== undefined) fail(`"${where}" has both maxAge and expires: keep one (Max-Age wins in browsers, RFC 6265 §5.3).`)
  const c = spec as unknown as ContractCookieInput
  const lifetime = (key: 'maxAge' | 'expires'): number | undefined => {
    const value = c[key]
    if (value === undefined) return undefined
    if (typeof value !== 'number' && typeof value !== 'string') fail(`"${where}.${key}" must be a duration such as "1h".`)
    const ms = parseDuration(value, `contract ${source} ${where}.${key}`)
    if (ms <= 0) fail(`"${where}.${key}" must be positive; sign-out clears the cookie by itself.`)
    return ms
  }
  const maxAgeMs = lifetime('maxAge')
  const expiresMs = lifetime('expires')
  const path = c.path ?? '/'
  const base: SerializeOptions = { path, httpOnly: c.httpOnly ?? true, secure: c.secure ?? false }
  if (c.domain !== undefined) base.domain = c.domain
  // Checked above: one of the three names or false (the input type takes any string, as JSON gives it).
  const sameSite = (c.sameSite ?? 'lax') as 'lax' | 'strict' | 'none' | false
  if (sameSite !== false) base.sameSite = sameSite
  const write = (value: string, options: SerializeOptions): string => {
    try {
      return stringifySetCookie(c.name, value, options)
    } catch (error) {
      return fail(`"${where}" cannot be a cookie (${error instanceof Error ? error.message : String(error)}): use a token name such as "session" and a path such as "/".`)
    }
  }
  // Serialized once here so a bad name, path or domain fails at load.
  write('x', base)
  return {
    name: c.name,
    path,
    set(value, nowMs, fallbackMs) {
      if (expiresMs !== undefined) return write(value, { ...base, expires: new Date(nowMs + expiresMs) })
      return write(value, { ...base, maxAge: Math.round((maxAgeMs ?? fallbackMs) / 1000) })
    },
    clear: () => write('', expiresMs !== undefined ? { ...base, expires: EPOCH } : { ...base, maxAge: 0 }),
  }
}
