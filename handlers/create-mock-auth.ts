import type { HttpHandler } from 'msw'
import { createEngine, DEFAULT_NAMESPACE, type Engine } from '../src/core/kernel.js'
import { resolveBaseUrl } from './base-url.js'
import { namespaceControls, type MockAuthControls } from './controls.js'
import { BrowserCookieJar } from './browser-cookie-jar.js'
import { createHandlersWith } from './create-handlers.js'
import type { MswKit } from './msw-kit.js'
import { toEngineOptions, type MockAuthOptions } from './engine-options.js'
import { detectCookieMode, type CookieMode } from './to-msw-response.js'

export type { MockAuthOptions } from './engine-options.js'

/** Internal wiring for the browser entry; not part of the public options. */
export interface MockAuthWiring {
  cookieMode?: CookieMode
  onChange?: () => void
  /** The browser entry's persisted jar; browser mode gets a fresh one otherwise. */
  cookieJar?: BrowserCookieJar
  /** Builds the engine from resolved options (the browser entry restores keys and state here). */
  engine?: (options: Parameters<typeof createEngine>[0]) => Engine
}

export interface MockAuth extends MockAuthControls {
  readonly engine: Engine
  /** One msw handler per route, then JWKS and the 404 catch-all: `setupServer(...mockAuth.handlers)`. */
  readonly handlers: HttpHandler[]
  readonly baseUrl: string
  /** Controls and handlers for another namespace of the same engine (own users, sessions, scenario, clock). */
  scope(namespace: string): MockAuthControls & { readonly handlers: HttpHandler[] }
  /**
   * Forgets the session cookies mock-auth keeps where the client keeps none for it: in the browser
   * (its own jar) and under Vitest's jsdom or happy-dom environments. `setupMockAuth` calls it after
   * each test; elsewhere (Node) there is nothing to forget.
   */
  clearCookies(): void
}

/**
 * A mock auth backend as msw handlers over the given msw classes (see msw-kit.ts; the public
 * `createMockAuth` passes msw's own). Everything (keys, users, sessions, scenario, clock) lives
 * in this instance: two instances never share anything.
 */
export function createMockAuthWith(kit: MswKit, options: MockAuthOptions = {}, wiring: MockAuthWiring = {}): MockAuth {
  const parsed = resolveBaseUrl(options)
  const engineOptions = toEngineOptions(options, parsed.basePath)
  const engine = (wiring.engine ?? createEngine)(engineOptions)
  // msw 2's emulated browser jar keeps one Set-Cookie per response, so the browser keeps its own;
  // under jsdom/happy-dom the app's fetch keeps none for us, so mock-auth plays the browser's jar.
  const mode = wiring.cookieMode ?? detectCookieMode()
  const cookieNames = engine.dialect.cookieNames ?? []
  const cookieJar = (mode === 'browser' ? (wiring.cookieJar ?? new BrowserCookieJar()) : mode === 'dom' ? new BrowserCookieJar() : undefined)?.keep(cookieNames)
  const handlerWiring = {
    ...(cookieJar === undefined ? {} : { cookieJar }),
    baseUrl: parsed.baseUrl,
    ...(wiring.cookieMode === undefined ? {} : { cookieMode: wiring.cookieMode }),
    ...(wiring.onChange === undefined ? {} : { onHandled: wiring.onChange }),
  }
  const hooks = wiring.onChange === undefined ? {} : { onChange: wiring.onChange }
  // A minted session goes where this instance keeps the page's cookies, so the page starts signed in.
  const minted = (jar: BrowserCookieJar | undefined) => (jar === undefined ? {} : { onMinted: (cookies: readonly string[], url: string | undefined) => jar.store(cookies, Date.now(), url) })
  const namespace = options.namespace ?? DEFAULT_NAMESPACE
  const own = namespaceControls(engine, namespace, { ...hooks, ...minted(cookieJar), resetAll: true })
  // Object.assign keeps the controls' live `scenario` getter (a spread would freeze its value).
  const instance: MockAuth = Object.assign(own, {
    engine,
    baseUrl: parsed.baseUrl,
    // Without a namespace option requests are passed through untouched (the engine defaults to 'default').
    handlers: createHandlersWith(kit, engine, { ...handlerWiring, ...(options.namespace === undefined ? {} : { namespace }) }),
    // Under a DOM test environment a scope is another client, with a jar of its own.
    scope: (name: string) => {
      const jar = mode === 'dom' ? new BrowserCookieJar().keep(cookieNames) : cookieJar
      return Object.assign(namespaceControls(engine, name, { ...hooks, ...minted(jar) }), {
        handlers: createHandlersWith(kit, engine, { ...handlerWiring, ...(jar === undefined ? {} : { cookieJar: jar }), namespace: name }),
      })
    },
    clearCookies: () => cookieJar?.clear(),
  })
  return instance
}
