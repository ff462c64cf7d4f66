import { createMockAuthWith, type MockAuth, type MockAuthOptions } from '../../handlers/create-mock-auth.js'
import { nodeJweCipher } from '../server/node-jwe-cipher.js'
import { nodeProviderCrypto } from '../server/node-provider-crypto.js'
import { nodeSigner } from '../server/node-signer.js'
import { nodeMswKit } from './msw-http.js'

/**
 * `createMockAuth` for msw's `setupServer` in Node: the same handlers and controls, with tokens
 * signed by node:crypto's synchronous `sign` instead of WebCrypto's `subtle.sign`, whose
 * thread-pool round trip made each sign-in several times slower (see bench/README.md). Same keys,
 * same tokens (the mock identity providers' RS256 id_tokens too); a `signer` or `providerCrypto` in
 * the options still wins. The next-auth/authjs session JWE is sealed with node:crypto's cipher for
 * the same reason (`jweCipher`). Built on msw's narrow `http` entry, so a
 * Vitest file through `mock-auth/vitest` never loads msw's root index (src/node/msw-http.ts).
 */
export function createMockAuth(options: MockAuthOptions = {}): MockAuth {
  return createMockAuthWith(nodeMswKit, { signer: nodeSigner, providerCrypto: nodeProviderCrypto, jweCipher: nodeJweCipher, ...options })
}
