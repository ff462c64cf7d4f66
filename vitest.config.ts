import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'handlers/**/*.test.ts', 'scenarios/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist', 'test/browser/**', 'test/node22/**', 'bench/**'],
    testTimeout: 15_000,
    // next-auth v4 (a real relying party in test/next-auth-v4) has its own install; made on first run.
    globalSetup: ['test/next-auth-v4/ensure-installed.ts'],
  },
})
