/**
 * @module mock-auth/node: the package root for msw's `setupServer` in Node (Vitest, Jest,
 * node:test...). Everything the root exports, with `createMockAuth` signing through node:crypto.
 * Not for the browser: use the root or `mock-auth/browser` there.
 */
// The one `export *` in the package, on purpose: this entry must stay the root's exact surface.
// The explicit `createMockAuth` below shadows the root's (ES modules: a local export wins over a
// star export of the same name).
export * from '../index.js'
export { createMockAuth } from './create-mock-auth.js'
export { nodeSigner, threadPoolSigner } from '../server/node-signer.js'
export { nodeProviderCrypto, threadPoolProviderCrypto } from '../server/node-provider-crypto.js'
