import { createEngine } from '../src/core/kernel.js'
import { assembleMockAuth, type MockAuth, type MockAuthWiring } from './assemble-mock-auth.js'
import { resolveBaseUrl } from './base-url.js'
import type { MswKit } from './msw-kit.js'
import { toEngineOptions, type MockAuthOptions } from './engine-options.js'
import { handlerShape } from './route-handlers.js'

export type { MockAuthOptions } from './engine-options.js'
export type { MockAuth, MockAuthWiring } from './assemble-mock-auth.js'

/**
 * A mock auth backend as msw handlers over the given msw classes (see msw-kit.ts; the public
 * `createMockAuth` passes msw's own), its engine built at once. Everything (keys, users,
 * sessions, scenario, clock) lives in this instance: two instances never share anything.
 */
export function createMockAuthWith(kit: MswKit, options: MockAuthOptions = {}, wiring: MockAuthWiring = {}): MockAuth {
  const parsed = resolveBaseUrl(options)
  const engine = (wiring.engine ?? createEngine)(toEngineOptions(options, parsed.basePath))
  return assembleMockAuth(kit, options, parsed, engine, handlerShape(engine), wiring)
}
