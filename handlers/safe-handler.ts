import { HttpHandler, type HttpResponseResolver } from 'msw'

/**
 * `http.all(path, resolver)` whose URL matching never throws. msw matches a string path with
 * path-to-regexp and decodes each wildcard capture with `decodeURIComponent`, which throws on a
 * malformed escape (`/api/auth/x%E2%82`, `/api/auth%zz`); msw then answers 500 with the stack.
 * On that error the same pattern is matched against the URL with every `%` escaped: the same yes
 * or no (our patterns hold no `%`), and the engine answers such paths itself (404 `not_found`).
 * The path stays a string, so `handler.info.path` still reads as written.
 */
export class SafeHttpHandler extends HttpHandler {
  constructor(path: string, resolver: HttpResponseResolver) {
    super(/.+/, path, resolver)
  }

  override async parse(args: Parameters<HttpHandler['parse']>[0]): ReturnType<HttpHandler['parse']> {
    try {
      return await super.parse(args)
    } catch (error) {
      if (!(error instanceof URIError)) throw error
      const escaped = new Request(args.request.url.replaceAll('%', '%25'), { headers: args.request.headers })
      return super.parse({ ...args, request: escaped })
    }
  }
}
