import type { HttpHandler } from 'msw'
import type { MswKit } from '../../handlers/msw-kit.js'

/**
 * msw's `HttpHandler`, loaded without msw's root index, which also loads the whole `graphql`
 * package (120-150 ms before a Vitest file's first test, bench/README.md). msw 2 publishes the
 * `http` namespace alone as `msw/core/http`, msw 3 as `msw/http`; the class is that of the
 * handlers `http.all` makes, the very module msw's root and `msw/node` use (one module instance,
 * so `instanceof` checks inside msw hold). Falls back to the root index if neither entry exists.
 * The specifiers are variables so a bundler never tries to resolve the one that is missing.
 */
async function loadHttpHandler(): Promise<typeof HttpHandler> {
  for (const specifier of NARROW_ENTRIES) {
    try {
      const { http } = (await import(specifier)) as { http: { all: (path: string, resolver: () => undefined) => HttpHandler } }
      return http.all('*', () => undefined).constructor as typeof HttpHandler
    } catch {
      // Not this msw major: try the next entry.
    }
  }
  return (await import('msw')).HttpHandler
}

const NARROW_ENTRIES: readonly string[] = ['msw/core/http', 'msw/http']

/** The msw classes the Node entries build their handlers on (Node answers with plain `Response`s). */
export const nodeMswKit: MswKit = { HttpHandler: await loadHttpHandler() }
