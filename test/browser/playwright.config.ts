import { defineConfig } from '@playwright/test'

/**
 * The same auth cases (auth-cases.ts) in three projects, one per way the app can reach mock-auth.
 * Debian's Chromium, because Playwright's own browser download is not available everywhere we run.
 */
const chromium = {
  browserName: 'chromium' as const,
  headless: true,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
}

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/browser',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: { ...chromium, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    // Requests leave the browser for the example's server, which proxies them to `mock-auth serve`.
    { name: 'serve', testMatch: 'serve.spec.ts', use: { serviceWorkers: 'block' } },
    // mock-auth runs inside the page, in MSW's service worker (the app loaded with ?msw=1).
    // Each page load boots mock-auth in the worker (its modules, its keys): on a loaded machine that
    // alone can take seconds, so this way's assertions wait longer.
    { name: 'msw', testMatch: 'msw.spec.ts', use: { serviceWorkers: 'allow' }, expect: { timeout: 15_000 }, timeout: 40_000 },
    // mock-auth runs in the test process; mock-auth/playwright routes the context's requests to it.
    { name: 'fixture', testMatch: 'fixture.spec.ts', use: { serviceWorkers: 'block' } },
    // Real client libraries (better-auth, next-auth/react) bundled by Vite into small pages (clients/).
    { name: 'clients-fixture', testMatch: 'clients-fixture.spec.ts', use: { serviceWorkers: 'block' } },
    { name: 'clients-serve', testMatch: 'clients-serve.spec.ts', use: { serviceWorkers: 'block' } },
    // next-auth's client against mock-auth in the page's service worker (createBrowserMockAuth).
    { name: 'clients-msw', testMatch: 'clients-msw.spec.ts', use: { serviceWorkers: 'allow' }, expect: { timeout: 15_000 }, timeout: 40_000 },
    // The dashboard of serve and the in-page panel of the MSW browser mode, steering the app.
    { name: 'dashboard', testMatch: 'dashboard.spec.ts', use: { serviceWorkers: 'allow' } },
  ],
})
