import { startAppServer } from '../../examples/app-server.mjs'
import { ensureWorkerScript } from '../../examples/worker-script.mjs'
import { startClientPages } from './clients/setup.js'
import { startServe, stopServe } from './serve-process.js'

/** Environment variables the workers read (globalSetup's process.env reaches every worker). */
export const ENV = {
  serveUrl: 'MOCK_AUTH_BROWSER_SERVE_URL',
  proxiedAppUrl: 'MOCK_AUTH_BROWSER_PROXIED_APP_URL',
  appUrl: 'MOCK_AUTH_BROWSER_APP_URL',
} as const

/**
 * One `mock-auth serve` for every worker (tests isolate themselves with a namespace cookie), the
 * example app behind a proxy to it, and the example app with no backend at all for the MSW and
 * fixture modes, where a request the mock missed gets 502 and fails the test.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // MOCK_AUTH_MSW_DIR: another msw for the in-page mock (the Node 22 run's msw 3, test/node22/run.mjs).
  const mswDir = process.env.MOCK_AUTH_MSW_DIR
  if (mswDir === undefined) ensureWorkerScript()
  const serve = await startServe()
  const proxied = await startAppServer({ apiTarget: serve.url })
  const bare = await startAppServer(mswDir === undefined ? {} : { mswDir })
  process.env[ENV.serveUrl] = serve.url
  process.env[ENV.proxiedAppUrl] = proxied.url
  process.env[ENV.appUrl] = bare.url
  const clients = await startClientPages()
  return async () => {
    await Promise.all([proxied.close(), bare.close(), clients()])
    await stopServe(serve.child)
  }
}
