import { REFRESH_COOKIE, SESSION_COOKIE } from '../src/core/wire-names.js'

/** One stored cookie: what RFC 6265 §5.3 keeps for a host-only cookie. */
export interface JarCookie {
  name: string
  value: string
  path: string
  /** Epoch ms; undefined for a session cookie. */
  expiresAt?: number
  /** The host that set it (RFC 6265 §5.3 step 6: a cookie without Domain is host-only); absent in older saved jars. */
  host?: string
}

/**
 * The engine's own cookies (`session`, `refresh_token`) for `setupWorker`, kept by mock-auth
 * rather than by msw. Why: msw 2 in the browser stores a response's Set-Cookie in its emulated
 * jar as ONE string (`headers.get('set-cookie')`, joined with ", "), so of `session` and
 * `refresh_token` only the first survives, with the second's Path (verified in Chromium with msw
 * 2.15; mswjs/msw#2181). HttpOnly cookies cannot go to `document.cookie` either. So the handlers
 * record every Set-Cookie here and rebuild these two cookies from it on each request, honouring
 * Path (RFC 6265 §5.1.4), the host (host-only cookies) and Max-Age/Expires (§5.2.1-5.2.2,
 * Max-Age=0 deletes). The same jar stands in for the browser's under Vitest's jsdom and happy-dom
 * environments, whose fetch keeps no cookies for mock-auth (see create-handlers.ts).
 */
export class BrowserCookieJar {
  readonly #cookies = new Map<string, JarCookie>()
  readonly #onChange: (() => void) | undefined
  /** The cookies this jar keeps: the engine's own, plus those its dialect names (a contract's `auth`). */
  readonly #names = new Set<string>([SESSION_COOKIE, REFRESH_COOKIE])

  constructor(saved: readonly JarCookie[] = [], onChange?: () => void) {
    for (const cookie of saved) if (isJarCookie(cookie)) this.#cookies.set(keyOf(cookie), cookie)
    this.#onChange = onChange
  }

  /** Keeps these cookies too: the dialect's (`Protocol.cookieNames`). */
  keep(names: readonly string[]): this {
    for (const name of names) this.#names.add(name)
    return this
  }

  /** Records the Set-Cookie values of one response to `url` (its host keeps them, host-only). */
  store(setCookies: readonly string[], now = Date.now(), url?: string): void {
    if (setCookies.length === 0) return
    const host = url === undefined ? undefined : hostOf(url)
    for (const line of setCookies) {
      const cookie = parseSetCookieLine(line, now)
      if (!cookie || !this.#names.has(cookie.name)) continue
      if (host !== undefined) cookie.host = host
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) this.#cookies.delete(keyOf(cookie))
      else this.#cookies.set(keyOf(cookie), cookie)
    }
    this.#onChange?.()
  }

  /**
   * msw's `cookies` for a request with the engine's cookies replaced by the jar's: whatever msw's
   * jar says about the cookies kept here is dropped, the page's own cookies are kept.
   */
  merge(mswCookies: Record<string, string>, url: string, now = Date.now()): Record<string, string> {
    const merged: Record<string, string> = {}
    for (const [name, value] of Object.entries(mswCookies)) if (!this.#names.has(name)) merged[name] = value
    for (const cookie of this.matching(url, now)) merged[cookie.name] = cookie.value
    return merged
  }

  /** The live cookies a request to `url` carries: host-only (§5.3 step 6), path-matched (§5.1.4). */
  matching(url: string, now = Date.now()): JarCookie[] {
    const path = pathOf(url)
    const host = hostOf(url)
    const found: JarCookie[] = []
    for (const cookie of this.#cookies.values()) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) continue
      if (cookie.host !== undefined && cookie.host !== host) continue
      if (pathMatches(path, cookie.path)) found.push(cookie)
    }
    return found
  }

  clear(): void {
    this.#cookies.clear()
    this.#onChange?.()
  }

  toJSON(): JarCookie[] {
    return [...this.#cookies.values()]
  }
}

/** One cookie per name and host (the engine gives each of its cookies one Path). */
function keyOf(cookie: JarCookie): string {
  return `${cookie.host ?? ''} ${cookie.name}`
}

function isJarCookie(value: unknown): value is JarCookie {
  const c = value as Partial<JarCookie> | null
  return typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.value === 'string' && typeof c.path === 'string' &&
    (c.expiresAt === undefined || typeof c.expiresAt === 'number') && (c.host === undefined || typeof c.host === 'string')
}

/** `name=value; Path=/; Max-Age=60; ...` as the engine writes it (RFC 6265 §4.1.1). */
function parseSetCookieLine(line: string, now: number): JarCookie | undefined {
  const [pair = '', ...attributes] = line.split(';')
  const eq = pair.indexOf('=')
  if (eq <= 0) return undefined
  const cookie: JarCookie = { name: pair.slice(0, eq).trim(), value: decodeValue(pair.slice(eq + 1).trim()), path: '/' }
  let maxAge: number | undefined
  let expires: number | undefined
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=')
    const key = rawKey.trim().toLowerCase()
    const value = rest.join('=').trim()
    if (key === 'path' && value.startsWith('/')) cookie.path = value
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value)
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value)
  }
  // §5.3 step 3: Max-Age wins over Expires.
  const expiresAt = maxAge !== undefined ? now + maxAge * 1000 : expires
  if (expiresAt !== undefined) cookie.expiresAt = expiresAt
  return cookie
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url, 'http://localhost').host
  } catch {
    return undefined
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname
  } catch {
    return '/'
  }
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'
}
