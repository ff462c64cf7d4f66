import { createRequire } from 'node:module'
import type * as EngineParts from './engine-parts.js'

type Parts = typeof EngineParts

/**
 * Node >= 20.19 loads an ES module graph synchronously with `require()` (`process.features.
 * require_module`; nodejs.org/api/modules.html#loading-ecmascript-modules-using-require), and
 * shares its module instances with `import`. That lets `createMockAuth()` answer at once, with
 * its handlers, and load the engine only when the instance is first used: by a control call
 * (synchronous, so `import()` would not do) or by a request. From TypeScript sources run by a
 * transformer (this repository's own tests), where Node cannot require `./engine-parts.js`, or
 * with require(esm) turned off, the parts load with this module instead.
 */
const SYNC = (process.features as { require_module?: boolean }).require_module === true && import.meta.url.endsWith('.js')
const preloaded: Parts | undefined = SYNC ? undefined : await import('./engine-parts.js')

const require = createRequire(import.meta.url)

export function engineParts(): Parts {
  return preloaded ?? (require('./engine-parts.js') as Parts)
}
