/**
 * A cookie-keeping `fetch` for driving a browser client library in Node (whose `fetch` keeps no
 * cookies): one host-less jar, Max-Age=0 / past Expires delete (RFC 6265 §5.3). Good enough for
 * one origin; tests use one origin at a time.
 */
export interface CookieFetch {
  fetch: typeof fetch
  jar: Map<string, string>
  /** Every Set-Cookie line seen, in order. */
  seen: string[]
  /** Restores the fetch that was global before `install`. */
  uninstall(): void
}

export function installCookieFetch(extraHeaders: Record<string, string> = {}): CookieFetch {
  const previous = globalThis.fetch
  const jar = new Map<string, string>()
  const seen: string[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const headers = new Headers(request.headers)
    for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
    if (jar.size > 0) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '))
    const response = await previous(new Request(request, { headers }))
    for (const line of response.headers.getSetCookie()) {
      seen.push(line)
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()))
      if (expired) jar.delete(name)
      else jar.set(name, pair.slice(eq + 1).trim())
    }
    return response
  }
  globalThis.fetch = wrapped
  return { fetch: wrapped, jar, seen, uninstall: () => void (globalThis.fetch = previous) }
}

/**
 * `import(name)` without TypeScript loading the package's types: next-auth's pull in Next.js's
 * global types, which make `process.env.NODE_ENV` read-only for the whole project's type check.
 */
export function importUntyped(name: string): Promise<unknown> {
  return import(name)
}
