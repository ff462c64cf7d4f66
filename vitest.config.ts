import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'handlers/**/*.test.ts', 'scenarios/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist', 'test/browser/**', 'test/node22/**', 'bench/**'],
    testTimeout: 15_000,
  },
})
