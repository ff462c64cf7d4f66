import type { HttpHandler, HttpResponseResolver } from 'msw'

/**
 * `http.all(path, resolver)` whose URL matching never throws, and costs next to nothing for a
 * request it cannot match.
 *
 * - Never throws: msw matches a string path with path-to-regexp and decodes each wildcard capture
 *   with `decodeURIComponent`, which throws on a malformed escape (`/api/auth/x%E2%82`,
 *   `/api/auth%zz`); msw then answers 500 with the stack. On that error the same pattern is matched
 *   against the URL with every `%` escaped: the same yes or no (our patterns hold no `%`), and the
 *   engine answers such paths itself (404 `not_found`).
 * - Cheap misses: msw runs every handler's `parse` for every request until one answers, and each
 *   `parse` reads msw's cookie jar (tough-cookie) and compiles the path with path-to-regexp: about
 *   15-30 us per handler, paid by every request of the app's own handlers listed after ours. A URL
 *   that does not contain the pattern's literal path (compared case-insensitively, as
 *   path-to-regexp does; percent-escapes are not decoded before matching either) cannot match, so
 *   it is turned away before that work, and so is a URL of another origin than the pattern's own,
 *   or whose path does not end the way an exact pattern does.
 *
 * The path stays a string, so `handler.info.path` still reads as written. A class made over the
 * `HttpHandler` it is given (see msw-kit.ts: the Node entries avoid importing msw's root index).
 */
export function safeHandlerClass(Base: typeof HttpHandler): SafeHandlerClass {
  // Whether this msw matches a path's case-insensitively, asked of it once (see `pathIgnoresCase`),
  // on the first request rather than here: the probe runs msw's own parse, whose first call wakes
  // its cookie jar (tough-cookie), ~10 ms that a test file which never sends a request should not pay.
  let ignoresCase: boolean | undefined
  let asked: Promise<void> | undefined
  const ask = (): Promise<void> =>
    (asked ??= pathIgnoresCase(Base).then((answer) => {
      ignoresCase = answer
    }))
  return class SafeHttpHandler extends Base {
    readonly #literal: string
    /** For a path with no wildcard or parameter after its origin: the literal without trailing slashes. */
    readonly #exactEnd: string | undefined
    /** The pattern's own origin when it names one literally (`http://localhost:3000`), lower-cased. */
    readonly #origin: string | undefined
    /** Set when this handler decides its matches itself and never reads msw's cookie jar (see `parse`). */
    readonly #ownMatch: ExactMatcher | undefined

    constructor(path: string, resolver: HttpResponseResolver, options: SafeHandlerOptions = {}) {
      super(/.+/, path, resolver)
      this.#literal = literalPath(path)
      this.#exactEnd = isExact(path) ? this.#literal.replace(/\/+$/, '') : undefined
      this.#origin = LITERAL_ORIGIN.exec(path)?.[1]?.toLowerCase()
      this.#ownMatch = options.withoutCookieJar ? exactMatcher(path, this.#origin) : undefined
    }

    /**
     * With `withoutCookieJar` and an exact pattern (`*\/api/auth/login`, `http://host:port/api/auth`),
     * the match is decided here and `cookies` is empty: msw's parse would compile the pattern with
     * path-to-regexp and read its process-wide cookie jar on every request, ~20 us that a sign-in
     * through MSW measurably paid, for cookies the Node handlers never use (the request's own
     * `Cookie` header is the truth there). The result is tested equal to msw's own matching.
     */
    override async parse(args: Parameters<HttpHandler['parse']>[0]): ReturnType<HttpHandler['parse']> {
      // An own matcher decides alone; the cheap checks below only guard msw's parse.
      if (this.#ownMatch) {
        if (ignoresCase === undefined) await ask()
        return { match: { matches: this.#ownMatch(args.request.url, ignoresCase === true), params: {} }, cookies: {} }
      }
      const url = args.request.url.toLowerCase()
      if (!this.#canMatch(url)) return { match: { matches: false, params: {} }, cookies: {} }
      try {
        return await super.parse(args)
      } catch (error) {
        if (!(error instanceof URIError)) throw error
        const escaped = new Request(args.request.url.replaceAll('%', '%25'), { headers: args.request.headers })
        return super.parse({ ...args, request: escaped })
      }
    }

    /**
     * False only for a URL the pattern cannot match. An exact pattern is anchored at its end, so the
     * URL's path (query and fragment cut, trailing slashes dropped, which path-to-regexp tolerates)
     * must end with it: `/api/auth/login` is turned away by the `/api/auth` route's handler without
     * a full parse. Only the end is compared, since a leading `*` may stand for more than an origin.
     */
    #canMatch(url: string): boolean {
      if (!url.includes(this.#literal)) return false
      // Another origin's request (two mock-auth instances, or the app's real API elsewhere).
      if (this.#origin !== undefined && !(url.startsWith(this.#origin) && (url.length === this.#origin.length || url[this.#origin.length] === '/'))) return false
      if (this.#exactEnd === undefined) return true
      return withoutQuery(url).replace(/\/+$/, '').endsWith(this.#exactEnd)
    }
  }
}

/** What `safeHandlerClass` makes: `new SafeHttpHandler(path, resolver, options)` is an msw `HttpHandler`. */
export type SafeHandlerClass = new (path: string, resolver: HttpResponseResolver, options?: SafeHandlerOptions) => HttpHandler

export interface SafeHandlerOptions {
  /** Node: decide exact matches without msw's parse, never reading its cookie jar (`cookies` is `{}`). */
  withoutCookieJar?: boolean
}

/**
 * Whether an msw compares a path case-insensitively, asked of its own `HttpHandler` with a probe
 * URL rather than read from its version, so a later msw is followed too. msw 2 matches with
 * path-to-regexp, which ignores case (`/API/Auth/LOGIN` matches `*\/api/auth/login`); msw 3 with
 * @msw/url, which lower-cases only the scheme and host (RFC 3986 §6.2.2.1: the path is case-sensitive).
 */
export async function pathIgnoresCase(Base: typeof HttpHandler): Promise<boolean> {
  const probe = new Base('GET', '*/mock-auth-case-probe', () => undefined)
  return (await probe.parse({ request: new Request('http://mock-auth.test/MOCK-AUTH-CASE-PROBE') })).match.matches
}

/** A URL (as `request.url` gives it: scheme and host already lower-case) and whether case is ignored. */
export type ExactMatcher = (url: string, ignoreCase: boolean) => boolean

/**
 * msw's match for an exact pattern (query and fragment ignored, one optional trailing slash, the
 * path's case as the msw in use says): the URL is the pattern's origin plus its path, or for a
 * leading `*` (msw's `(.*)`) any URL ending with the path. Other patterns (relative ones, which
 * msw resolves against the page, wildcards, parameters, a path ending in `/`) get undefined and go
 * through msw's parse.
 */
export function exactMatcher(path: string, origin: string | undefined): ExactMatcher | undefined {
  const rest = path.replace(ORIGIN, '')
  if (!isExact(path) || rest.includes('%') || rest.endsWith('/') || rest === '') return undefined
  const exact = [rest, `${rest}/`]
  const lower = exact.map((t) => t.toLowerCase())
  const clean = (url: string, ignoreCase: boolean) => withoutQuery(ignoreCase ? url.toLowerCase() : url)
  if (origin !== undefined) {
    return (url, ignoreCase) => {
      const u = clean(url, ignoreCase)
      return (ignoreCase ? lower : exact).some((t) => u === origin + t)
    }
  }
  if (path.startsWith('*/')) {
    return (url, ignoreCase) => {
      const u = clean(url, ignoreCase)
      return (ignoreCase ? lower : exact).some((t) => u.endsWith(t))
    }
  }
  return undefined
}

function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/)
  return cut === -1 ? url : url.slice(0, cut)
}

/** `http://host:port` or a leading `*...` segment: what msw matches against the URL's origin. */
const ORIGIN = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*|\*[^/]*)/i
/** An origin with no wildcard or parameter in it: scheme, host and an optional numeric port. */
const LITERAL_ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+(?::\d+)?)(?=\/|$)/i

function isExact(path: string): boolean {
  return !/[*:]/.test(path.replace(ORIGIN, ''))
}

/**
 * The part of an msw path every matching URL contains literally: the path after the origin
 * (`http://host:port`, `*`), up to the first wildcard or parameter. `'*\/api/auth/*'` → `/api/auth/`.
 */
export function literalPath(path: string): string {
  const afterOrigin = path.replace(ORIGIN, '')
  const dynamic = afterOrigin.search(/[*:]/)
  return (dynamic === -1 ? afterOrigin : afterOrigin.slice(0, dynamic)).toLowerCase()
}
