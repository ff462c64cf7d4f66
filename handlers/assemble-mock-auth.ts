import type { HttpHandler } from 'msw'
import type { EngineOptions } from '../src/core/config.js'
import type { Engine } from '../src/core/engine.js'
import { DEFAULT_NAMESPACE } from '../src/core/wire-names.js'
import type { ParsedBaseUrl } from './base-url.js'
import { namespaceControls, type MockAuthControls } from './controls.js'
import { BrowserCookieJar } from './browser-cookie-jar.js'
import { createHandlersWith } from './create-handlers.js'
import { engineOf, type EngineSource } from './engine-source.js'
import type { MswKit } from './msw-kit.js'
import type { MockAuthOptions } from './engine-options.js'
import type { HandlerShape } from './route-handlers.js'
import { detectCookieMode, type CookieMode } from './to-msw-response.js'

/** Internal wiring for the browser entry; not part of the public options. */
export interface MockAuthWiring {
  cookieMode?: CookieMode
  onChange?: () => void
  /** The browser entry's persisted jar; browser mode gets a fresh one otherwise. */
  cookieJar?: BrowserCookieJar
  /** Builds the engine from resolved options (the browser entry restores keys and state here). */
  engine?: (options: EngineOptions) => Engine
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
 * A MockAuth over an engine and the shape of its handlers: the controls and the msw handlers of
 * `options.namespace` (or none), and `scope()` for others. With a function for `source`, nothing
 * here calls it until a handler answers a request, a control is called or `engine` is read.
 */
export function assembleMockAuth(kit: MswKit, options: MockAuthOptions, parsed: ParsedBaseUrl, source: EngineSource, shape: HandlerShape, wiring: MockAuthWiring = {}): MockAuth {
  // msw 2's emulated browser jar keeps one Set-Cookie per response, so the browser keeps its own;
  // under jsdom/happy-dom the app's fetch keeps none for us, so mock-auth plays the browser's jar.
  const mode = wiring.cookieMode ?? detectCookieMode()
  const cookieNames = shape.cookieNames
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
  const own = namespaceControls(source, namespace, { ...hooks, ...minted(cookieJar), resetAll: true })
  // Object.assign keeps the controls' live `scenario` getter (a spread would freeze its value).
  const instance = Object.assign(own, {
    baseUrl: parsed.baseUrl,
    // Without a namespace option requests are passed through untouched (the engine defaults to 'default').
    handlers: createHandlersWith(kit, source, { ...handlerWiring, ...(options.namespace === undefined ? {} : { namespace }) }, shape),
    // Under a DOM test environment a scope is another client, with a jar of its own.
    scope: (name: string) => {
      const jar = mode === 'dom' ? new BrowserCookieJar().keep(cookieNames) : cookieJar
      return Object.assign(namespaceControls(source, name, { ...hooks, ...minted(jar) }), {
        handlers: createHandlersWith(kit, source, { ...handlerWiring, ...(jar === undefined ? {} : { cookieJar: jar }), namespace: name }, shape),
      })
    },
    clearCookies: () => cookieJar?.clear(),
  })
  // A getter: reading `engine` is a use (the Node entries build it then).
  return Object.defineProperty(instance, 'engine', { get: () => engineOf(source), enumerable: true }) as MockAuth
}
