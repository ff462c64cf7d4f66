import type { HttpHandler, HttpResponse } from 'msw'

/**
 * The msw classes the handlers are built on, injected rather than imported: msw's root index
 * (`import ... from 'msw'`) also loads its GraphQL support, the whole `graphql` package, which
 * cost every Vitest file using `mock-auth/vitest` 120-150 ms before its first test (bench/README.md).
 * The package root and the browser entry pass msw's own (`rootKit` in msw-root.ts); `mock-auth/node`
 * and `mock-auth/vitest` load `HttpHandler` through msw's narrow `http` entry (src/node/msw-http.ts).
 */
export interface MswKit {
  HttpHandler: typeof HttpHandler
  /**
   * For setupWorker (browser cookie mode) only, where msw's `HttpResponse` carries Set-Cookie to
   * `document.cookie`; in Node the handlers answer with plain Fetch `Response`s (see `toMswResponse`).
   */
  HttpResponse?: typeof HttpResponse
}
