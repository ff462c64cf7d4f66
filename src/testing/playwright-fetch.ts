import type { BrowserContext } from '@playwright/test'
import { MockAuthError, NAMESPACE_HEADER, toFetchResponse, type Engine } from '../core/kernel.js'
import { addSetCookies } from './context-cookies.js'

/**
 * Where `mockAuth.fetch` sends a request: to this test's in-process engine (route mode), or to the
 * running server in this test's namespace (server mode).
 */
export type FetchTarget = { mode: 'route'; engine: Engine } | { mode: 'server'; base: string; namespace: string }

/**
 * `mockAuth.fetch(path, init)`: a request to the mock as the page would make it, with the browser
 * context's cookies for that URL, whose Set-Cookie lines go back into the context.
 *
 * Why it exists: `page.request` and `context.request` (Playwright's APIRequestContext) share the
 * context's cookies but never pass through `context.route`, so in route mode they would miss the
 * mock altogether and hit whatever listens on the app's URL. This goes to the mock in both modes.
 */
export function contextFetch(context: BrowserContext, target: FetchTarget, appUrl: string | undefined) {
  return async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = resolve(input, target.mode === 'server' ? (appUrl ?? target.base) : appUrl)
    const headers = new Headers(init.headers)
    if (!headers.has('cookie')) {
      const cookies = await context.cookies(url.href)
      if (cookies.length > 0) headers.set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
    }
    let response: Response
    if (target.mode === 'route') {
      const result = await target.engine.fetch(new Request(url, { ...init, headers }))
      if (result === null) {
        throw new MockAuthError('ERR_INVALID_OPTIONS', `mockAuth.fetch: ${url.pathname} is not one of mock-auth's routes (the base path is ${target.engine.config.basePath}).`)
      }
      if (result.delayMs !== undefined && result.delayMs > 0) await new Promise((done) => setTimeout(done, result.delayMs))
      if (result.networkError) throw new TypeError(`mockAuth.fetch: the scenario dropped the connection to ${url.href} (network-error).`)
      response = toFetchResponse(result)
    } else {
      // The server answers under its own origin; the cookies stay those of the URL the test named.
      headers.set(NAMESPACE_HEADER, target.namespace)
      response = await fetch(`${target.base}${url.pathname}${url.search}`, { ...init, headers, redirect: 'manual' })
    }
    const setCookies = response.headers.getSetCookie()
    if (setCookies.length > 0) await addSetCookies(context, url.href, setCookies)
    return response
  }
}

function resolve(input: string | URL, base: string | undefined): URL {
  try {
    return new URL(input, base)
  } catch {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `mockAuth.fetch: cannot resolve ${JSON.stringify(String(input))}: pass a full URL, or set \`use: { baseURL }\` in playwright.config so a path such as '/api/auth/me' resolves.`)
  }
}
