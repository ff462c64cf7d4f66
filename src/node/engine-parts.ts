import { createEngine, type Engine } from '../core/kernel.js'
import { createMockAuthWith, type MockAuth } from '../../handlers/create-mock-auth.js'
import { toEngineOptions, type MockAuthOptions } from '../../handlers/engine-options.js'
import type { MswKit } from '../../handlers/msw-kit.js'
import { nodeJweCipher } from '../server/node-jwe-cipher.js'
import { nodeProviderCrypto } from '../server/node-provider-crypto.js'
import { nodeSigner } from '../server/node-signer.js'

/**
 * What the Node entries load when an instance is first used (engine-loader.ts): the engine and
 * everything that builds one (options, scenarios, dialects, providers), about a hundred modules.
 * No top-level await anywhere below, so Node can `require()` it synchronously.
 */

/** The options with node:crypto's signer, provider crypto and JWE cipher, unless the caller gave their own. */
export function withNodeCrypto(options: MockAuthOptions): MockAuthOptions {
  return { signer: nodeSigner, providerCrypto: nodeProviderCrypto, jweCipher: nodeJweCipher, ...options }
}

export function nodeEngine(options: MockAuthOptions, basePath: string): Engine {
  return createEngine(toEngineOptions(withNodeCrypto(options), basePath))
}

/** An instance whose engine is built at once: for options whose routes are not known ahead. */
export function builtMockAuth(kit: MswKit, options: MockAuthOptions): MockAuth {
  return createMockAuthWith(kit, withNodeCrypto(options))
}
