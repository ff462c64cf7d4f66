import { readFileSync } from 'node:fs'
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose'
import { expect } from 'vitest'
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '../../../src/core/index.js'
import { send, type CaseContext } from '../client.js'
import type { ContractResponse, Transport } from '../transport.js'

/** A shipped example contract, as its JSON. */
export function exampleContract(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../examples/contracts/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>
}

export interface ContractCase {
  name: string
  run(ctx: CaseContext): Promise<void>
}

export const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/

/** Verifies a token against the transport's JWKS, as a resource server of the app would. */
export async function verifyWithJwks(t: Transport, token: string): Promise<JWTPayload> {
  const jwks = await send(t, 'GET', '/.well-known/jwks.json')
  expect(jwks.status).toBe(200)
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks.body as JSONWebKeySet), { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ['ES256'] })
  return payload
}

/** The one Set-Cookie of `name` in a response. */
export function setCookie(res: ContractResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.startsWith(`${name}=`))
}

/** The `Expires` of a Set-Cookie line, as epoch ms. */
export function expiresOf(line: string | undefined): number {
  const match = /; Expires=([^;]+)/i.exec(line ?? '')
  return match?.[1] === undefined ? Number.NaN : Date.parse(match[1])
}

/**
 * What must be equal across transports, with every value that differs per run (tokens, dates,
 * ids of new users) replaced by its kind: the same shape, statuses, headers and cookie attributes.
 */
export function contractObservation(res: ContractResponse): unknown {
  const headers: Record<string, string> = {}
  for (const name of ['content-type', 'cache-control', 'www-authenticate', 'allow', 'retry-after']) if (res.headers[name] !== undefined) headers[name] = res.headers[name]
  return {
    status: res.status,
    networkError: res.networkError === true,
    headers,
    cookies: res.cookies.map((c) => c.replace(/^([^=]+)=([^;]+)/, '$1=<value>').replace(/Expires=(?!Thu, 01 Jan 1970)[^;]+/, 'Expires=<date>')),
    body: normalize(res.body),
  }
}

/** Key material differs per instance (each generates its own pair). */
const KEY_FIELDS = new Set(['kid', 'x', 'y'])

function normalize(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalize((value as Record<string, unknown>)[k], k)]))
  if (typeof value !== 'string') return value
  if (key !== undefined && KEY_FIELDS.has(key)) return '<key>'
  if (JWT.test(value)) return '<jwt>'
  if (/^[\w-]{20,}\.[\w-]{40,}$/.test(value)) return '<refresh token>'
  if (/^\d{4}-\d\d-\d\dT/.test(value)) return '<date>'
  if (/^user-[0-9a-f-]{36}$/.test(value)) return '<new user id>'
  return value
}
