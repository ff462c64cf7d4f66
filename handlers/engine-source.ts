import type { Engine } from '../src/core/engine.js'

/**
 * The engine, or how to get it when first needed: the Node entries build theirs on the first
 * request or control call, so a test file that never uses mock-auth never loads the engine
 * (src/node/create-mock-auth.ts).
 */
export type EngineSource = Engine | (() => Engine)

export function engineOf(source: EngineSource): Engine {
  return typeof source === 'function' ? source() : source
}
