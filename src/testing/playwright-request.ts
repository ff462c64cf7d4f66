import type { BrowserContext, Request as PlaywrightRequest } from '@playwright/test'

const NO_BODY = new Set(['GET', 'HEAD'])

/**
 * Whether an intercepted request's `headers()` already are the ones the browser sends, Cookie
 * included. Playwright documents `headers()` as possibly missing security-related headers and
 * `allHeaders()` as complete, at the price of a round trip to the browser per request (about a
 * tenth of the fixture's cost per test in the bench). In Chromium a routed request is paused at
 * the network layer (CDP `Fetch.requestPaused`), after cookies are attached, and its `headers()`
 * equal `allHeaders()` (checked by test/testing/playwright/request-headers.spec.ts); elsewhere
 * we ask.
 */
export function routedHeadersAreComplete(context: BrowserContext): boolean {
  return context.browser()?.browserType().name() === 'chromium'
}

/**
 * Playwright's intercepted request as a Fetch `Request` for the engine, with the browser's real
 * `Cookie` header; HTTP/2 pseudo-headers (`:authority`) are not header names.
 */
export async function toFetchRequest(request: PlaywrightRequest, headersComplete = false): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(headersComplete ? request.headers() : await request.allHeaders())) {
    if (!name.startsWith(':')) headers.append(name, value)
  }
  const method = request.method()
  const body = NO_BODY.has(method.toUpperCase()) ? null : request.postDataBuffer()
  return new Request(request.url(), { method, headers, body: body === null ? null : new Uint8Array(body) })
}
