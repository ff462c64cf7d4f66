import type { Engine } from '../core/engine.js'
import { assembleMockAuth, type MockAuth } from '../../handlers/assemble-mock-auth.js'
import { resolveBaseUrl } from '../../handlers/base-url.js'
import type { MockAuthOptions } from '../../handlers/engine-options.js'
import { shapeAhead } from '../../handlers/handler-shapes.js'
import { engineParts } from './engine-loader.js'
import { nodeMswKit } from './msw-http.js'

/** An instance, and whether its engine exists yet (`setupMockAuth` resets only a built one). */
export interface NodeMockAuth {
  readonly auth: MockAuth
  built(): boolean
}

/**
 * `createMockAuth` for msw's `setupServer` in Node: the same handlers and controls, with tokens
 * signed by node:crypto's synchronous `sign` instead of WebCrypto's `subtle.sign`, whose
 * thread-pool round trip made each sign-in several times slower (see bench/README.md). Same keys,
 * same tokens (the mock identity providers' RS256 id_tokens too); a `signer` or `providerCrypto` in
 * the options still wins. The next-auth/authjs session JWE is sealed with node:crypto's cipher for
 * the same reason (`jweCipher`). Built on msw's narrow `http` entry, so a
 * Vitest file through `mock-auth/vitest` never loads msw's root index (src/node/msw-http.ts).
 *
 * The engine is built on first use (a request, a control call, reading `engine`), not here: a
 * test file that sets mock-auth up and never uses it does not load it (engine-loader.ts). The
 * options are checked then too, except `baseUrl`, checked here. Options that change the routes
 * (a contract, `protocols`, own `providers`, a dialect object) build it at once.
 */
export function createMockAuth(options: MockAuthOptions = {}): MockAuth {
  return createNodeMockAuth(options).auth
}

export function createNodeMockAuth(options: MockAuthOptions = {}): NodeMockAuth {
  const parsed = resolveBaseUrl(options)
  const shape = shapeAhead(options, parsed.basePath)
  if (shape === undefined) return { auth: engineParts().builtMockAuth(nodeMswKit, options), built: () => true }
  let engine: Engine | undefined
  const build = () => (engine ??= engineParts().nodeEngine(options, parsed.basePath))
  return { auth: assembleMockAuth(nodeMswKit, options, parsed, build, shape), built: () => engine !== undefined }
}
