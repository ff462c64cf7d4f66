import type { Request as PlaywrightRequest } from '@playwright/test'

const NO_BODY = new Set(['GET', 'HEAD'])

/**
 * Playwright's intercepted request as a Fetch `Request` for the engine. `allHeaders()` includes
 * the browser's real `Cookie` header; HTTP/2 pseudo-headers (`:authority`) are not header names.
 */
export async function toFetchRequest(request: PlaywrightRequest): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    if (!name.startsWith(':')) headers.append(name, value)
  }
  const method = request.method()
  const body = NO_BODY.has(method.toUpperCase()) ? null : request.postDataBuffer()
  return new Request(request.url(), { method, headers, body: body === null ? null : new Uint8Array(body) })
}
