import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.config.js'

// This folder's msw 3 in place of the repository's msw 2, for every import of `msw` and `msw/node`
// the suite and mock-auth's sources make (run by test/node22/run.mjs on Node 22).
const require = createRequire(import.meta.url)

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    resolve: {
      alias: [
        { find: /^msw$/, replacement: require.resolve('msw') },
        { find: /^msw\/node$/, replacement: require.resolve('msw/node') },
      ],
    },
  }),
)
