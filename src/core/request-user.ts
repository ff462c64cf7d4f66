import { REFRESH_COOKIE, SESSION_COOKIE } from './cookies.js'
import type { KeySet } from './keys.js'
import { MAX_BODY_BYTES, mediaType, type AuthRequest } from './request.js'
import type { NamespaceState } from './state.js'
import { verifiedClaims, type TokenSettings, type VerifiedCache } from './tokens.js'
import type { StoredUser } from './users.js'

export interface RequestUser {
  /** The user the request names, if any. */
  user: StoredUser | undefined
  /** The request to hand on: its body, when it had to be read here, buffered so the route reads it again. */
  request: AuthRequest
}

/**
 * Who a request is from, before any operation runs, so a user with a scenario of their own
 * (`{ username: 'locked-user', scenario: 'locked' }`) is answered under it. Looked at in order: a
 * presented access token (signature verified, so a forged `sub` selects nothing), a refresh
 * token, then the login a sign-in or sign-up body names. Only called when some user has a
 * scenario, so ordinary requests pay nothing.
 */
export async function requestUser(request: AuthRequest, cookies: Record<string, string | undefined>, state: NamespaceState, keys: KeySet, tokens: TokenSettings, cache: VerifiedCache): Promise<RequestUser> {
  const store = state.store
  const access = bearer(request.headers.get('authorization')) ?? cookies[SESSION_COOKIE]
  if (access) {
    const verified = await verifiedClaims(keys, tokens, access, cache)
    const user = verified.ok ? store.users.get(verified.claims.sub) : undefined
    if (user) return { user, request }
  }
  const buffered = await bufferBody(request)
  const fields = buffered.fields
  const refresh = stringOf(fields.refreshToken) ?? cookies[REFRESH_COOKIE]
  const family = refresh ? store.findRefresh(refresh) : undefined
  const byRefresh = family ? store.users.get(family.session.userId) : undefined
  if (byRefresh) return { user: byRefresh, request: buffered.request }
  const login = stringOf(fields.username) ?? stringOf(fields.email) ?? stringOf(fields.login)
  return { user: login ? store.findByLogin(login) : undefined, request: buffered.request }
}

function bearer(header: string | null): string | undefined {
  const match = header === null ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header)
  return match?.[1]
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads the body once (at most a byte past the limit) and hands back a request that replays the
 * same bytes, so the route still answers 413, 415 or 400 exactly as if it had read it first.
 */
async function bufferBody(request: AuthRequest): Promise<{ request: AuthRequest; fields: Record<string, unknown> }> {
  const body = request.body
  const declared = Number(request.headers.get('content-length'))
  if (!body || (Number.isFinite(declared) && declared > MAX_BODY_BYTES)) return { request, fields: {} }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    if ('getReader' in body) {
      const reader = body.getReader()
      for (let read = await reader.read(); !read.done && size <= MAX_BODY_BYTES; read = await reader.read()) {
        chunks.push(read.value)
        size += read.value.byteLength
      }
      reader.releaseLock()
    } else {
      const iterable = Symbol.asyncIterator in body ? body : (body as Iterable<Uint8Array>)
      for await (const chunk of iterable) {
        chunks.push(chunk)
        if ((size += chunk.byteLength) > MAX_BODY_BYTES) break
      }
    }
  } catch {
    // Unreadable: the route reads an empty replay and answers as for a body that failed to arrive.
    return { request: replay(request, []), fields: {} }
  }
  return { request: replay(request, chunks), fields: parseFields(request, chunks) }
}

function replay(request: AuthRequest, chunks: Uint8Array[]): AuthRequest {
  return { method: request.method, url: request.url, headers: request.headers, body: chunks }
}

function parseFields(request: AuthRequest, chunks: Uint8Array[]): Record<string, unknown> {
  try {
    const size = chunks.reduce((n, c) => n + c.byteLength, 0)
    if (size === 0 || size > MAX_BODY_BYTES) return {}
    const bytes = new Uint8Array(size)
    let at = 0
    for (const chunk of chunks) {
      bytes.set(chunk, at)
      at += chunk.byteLength
    }
    const text = utf8.decode(bytes)
    const type = mediaType(request)
    if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text))
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
