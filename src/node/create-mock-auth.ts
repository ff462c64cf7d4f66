import { createMockAuth as createPortableMockAuth, type MockAuth, type MockAuthOptions } from '../../handlers/index.js'
import { nodeSigner } from '../server/node-signer.js'

/**
 * `createMockAuth` for msw's `setupServer` in Node: the same handlers and controls, with tokens
 * signed by node:crypto's synchronous `sign` instead of WebCrypto's `subtle.sign`, whose
 * thread-pool round trip made each sign-in several times slower (see bench/README.md). Same keys,
 * same tokens; a `signer` in the options still wins.
 */
export function createMockAuth(options: MockAuthOptions = {}): MockAuth {
  return createPortableMockAuth({ signer: nodeSigner, ...options })
}
