import { defineConfig } from '@playwright/test'
import type { MockAuthTestOptions } from '../../../src/testing/playwright.js'

/**
 * docs/playwright.md's server-mode config, type-checked by `npm run typecheck`: `defineConfig`
 * learns the fixture's options (`mockAuthUrl`, `mockAuthScenario`, ...) from its type argument.
 */
export const serverMode = defineConfig<MockAuthTestOptions>({
  use: { baseURL: 'http://localhost:5173', mockAuthUrl: 'http://127.0.0.1:4000', mockAuthScenario: 'default' },
  webServer: [{ command: 'npx mock-auth serve --port 4000', url: 'http://127.0.0.1:4000/__mock-auth/health' }],
})

// Without the type argument Playwright's own config type has no `mockAuthUrl` (the form the docs showed before).
// @ts-expect-error mockAuthUrl is not one of Playwright's own options
export const untyped = defineConfig({ use: { mockAuthUrl: 'http://127.0.0.1:4000' } })
