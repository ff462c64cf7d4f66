import type { BrowserContext, Route } from '@playwright/test'
import { resolveBaseUrl } from '../../handlers/base-url.js'
import { namespaceControls, type SignedIn } from '../../handlers/controls.js'
import { toEngineOptions, type MockAuthOptions } from '../../handlers/engine-options.js'
import { nodeJweCipher } from '../server/node-jwe-cipher.js'
import { nodeProviderCrypto } from '../server/node-provider-crypto.js'
import { nodeSigner } from '../server/node-signer.js'
import { createEngine, DEFAULT_NAMESPACE, MockAuthError, type AuthResult } from '../core/kernel.js'
import { addSetCookies } from './context-cookies.js'
import { hopRedirect } from './navigation-hop.js'
import { contextFetch } from './playwright-fetch.js'
import { routedHeadersAreComplete, toFetchRequest } from './playwright-request.js'
import { routePattern } from './route-pattern.js'
import type { PlaywrightMockAuth, SignInOptions } from './playwright-types.js'

/**
 * In-process mode: this test's own engine answers the app's auth requests through
 * `context.route`, so each test has its own state and parallel workers (separate processes)
 * cannot interfere. Every Set-Cookie reaches the real browser jar as a real HttpOnly cookie.
 */
export async function routeMockAuth(context: BrowserContext, options: MockAuthOptions, appUrl: string | undefined): Promise<PlaywrightMockAuth> {
  const parsed = resolveBaseUrl(options)
  // The fixture runs in Node: sign and seal with node:crypto, as `mock-auth serve` does (unless told otherwise).
  const engine = createEngine({ signer: nodeSigner, ...toEngineOptions({ providerCrypto: nodeProviderCrypto, jweCipher: nodeJweCipher, ...options }, parsed.basePath) })
  const anyOrigin = parsed.origin === '' || parsed.origin.includes('*')
  const matches = (url: URL): boolean =>
    (anyOrigin || url.origin === parsed.origin) && engine.routePath(url.href) !== undefined

  const headersComplete = routedHeadersAreComplete(context)
  // A RegExp, not the `matches` function: the page's other requests then never reach Node (route-pattern.ts).
  await context.route(routePattern(engine, anyOrigin ? undefined : parsed.origin), async (route) => {
    if (!matches(new URL(route.request().url()))) return route.fallback()
    let result: AuthResult | null
    try {
      result = await engine.fetch(await toFetchRequest(route.request(), headersComplete))
    } catch (error) {
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'server_error', message: `mock-auth failed to answer: ${String(error)}` }) })
      return
    }
    if (result === null) return route.fallback()
    // A navigation from one mock URL to another (a social sign-in) must stay visible to the route.
    await fulfill(route, hopRedirect(result, route.request(), matches))
  })

  const controls = namespaceControls(engine, DEFAULT_NAMESPACE)
  return {
    mode: 'route',
    namespace: DEFAULT_NAMESPACE,
    engine,
    use: async (name) => controls.use(name),
    clock: {
      now: async () => controls.clock.now(),
      advance: async (by) => controls.clock.advance(by),
      set: async (to) => controls.clock.set(to),
    },
    reset: async () => controls.reset(),
    state: async () => controls.state(),
    mailbox: async (filter) => controls.mailbox(filter),
    chooseAccount: async (provider, account) => controls.chooseAccount(provider, account),
    fetch: contextFetch(context, { mode: 'route', engine }, appUrl),
    async signIn(user: string, signInOptions: SignInOptions = {}): Promise<SignedIn> {
      const { url = appUrl, ...mint } = signInOptions
      // The app's URL picks the dialect's cookie names (`__Secure-` on https).
      const signed = await controls.signIn(user, typeof url === 'string' ? { ...mint, url } : mint)
      if (url !== false) await addSetCookies(context, requireUrl(url), signed.cookies)
      return signed
    },
    journal: async (since) => controls.journal(since),
    clearJournal: async () => controls.clearJournal(),
    failNext: async (operation, answer, failOptions) => controls.failNext(operation, answer, failOptions),
    expire: async () => controls.expire(),
    users: {
      add: async (user) => controls.users.add(user),
      remove: async (id) => controls.users.remove(id),
    },
  }
}

/** Materialises a result: delay, dropped connection, or every cookie as its own Set-Cookie line. */
export async function fulfill(route: Route, result: AuthResult): Promise<void> {
  if (result.delayMs !== undefined && result.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, result.delayMs))
  if (result.networkError) return route.abort('connectionfailed')
  const headers: Record<string, string> = { ...result.headers }
  // Playwright splits a newline-joined set-cookie into separate cookies (one header would keep only the last).
  if (result.cookies.length > 0) headers['set-cookie'] = result.cookies.join('\n')
  return route.fulfill({ status: result.status, headers, body: result.body ?? '' })
}

export function requireUrl(url: string | undefined): string {
  if (url === undefined) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', "mockAuth.signIn needs the app's URL to store cookies for: set `use: { baseURL }` in playwright.config or pass signIn(user, { url }).")
  }
  return url
}
