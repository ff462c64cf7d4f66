import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig, type Plugin } from 'vitest/config'
import base from '../../vitest.config.js'

// This folder's msw 3 in place of the repository's msw 2, for every `msw` or `msw/...` import the
// suite and mock-auth's sources make, static or dynamic (run by test/node22/run.mjs on Node 22).
// An entry msw 3 does not export (msw 2's `msw/core/http`) fails to load, as it would in an app on msw 3.
const require = createRequire(import.meta.url)
const MISSING = '\0msw3-missing:'

const msw3: Plugin = {
  name: 'mock-auth:msw3',
  enforce: 'pre',
  resolveId(id) {
    if (id !== 'msw' && !id.startsWith('msw/')) return null
    try {
      return require.resolve(id)
    } catch {
      return MISSING + id
    }
  },
  load(id) {
    if (id.startsWith(MISSING)) throw new Error(`msw 3 has no entry "${id.slice(MISSING.length)}"`)
    return null
  },
}

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    plugins: [msw3],
  }),
)
