import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAppServer, type AppServer } from '../../../examples/app-server.mjs'
import { ensureWorkerScript } from '../../../examples/worker-script.mjs'
import { startServe, stopServe } from '../serve-process.js'
import { buildClientPages } from './build-pages.js'

/** The real-client pages, each reached two ways; globalSetup puts this in process.env as JSON. */
export interface ClientPagesEnv {
  /** The pages with no backend: the Playwright fixture (or MSW in the page) answers /api/auth. */
  appUrl: string
  /** Per dialect, the pages behind a proxy to `mock-auth serve --dialect <name>`, and that server. */
  serve: Record<ClientDialect, { appUrl: string; serveUrl: string }>
}

export type ClientDialect = 'better-auth' | 'next-auth' | 'authjs'

export const CLIENT_PAGES_ENV = 'MOCK_AUTH_CLIENT_PAGES'

/** The next-auth/Auth.js app's secret, as the app would have it in NEXTAUTH_SECRET / AUTH_SECRET. */
export const NEXT_AUTH_SECRET = 'client-pages-next-auth-secret-0123456789'

const SERVE_ARGS: Record<ClientDialect, string[]> = {
  'better-auth': ['--dialect', 'better-auth'],
  'next-auth': ['--dialect', 'next-auth', '--secret', NEXT_AUTH_SECRET],
  authjs: ['--dialect', 'authjs', '--secret', NEXT_AUTH_SECRET],
}

/** Bundles the pages with Vite, serves them bare and behind `mock-auth serve` per dialect; returns the teardown. */
export async function startClientPages(): Promise<() => Promise<void>> {
  const pages = await buildClientPages()
  // MSW's worker script, of the msw the pages bundle, at their origin's root (the msw-way page registers it there).
  copyFileSync(ensureWorkerScript(), join(pages.dir, 'mockServiceWorker.js'))
  const apps: AppServer[] = []
  const serves: Awaited<ReturnType<typeof startServe>>[] = []
  const serve = {} as ClientPagesEnv['serve']
  for (const dialect of Object.keys(SERVE_ARGS) as ClientDialect[]) {
    const server = await startServe(SERVE_ARGS[dialect])
    serves.push(server)
    const app = await startAppServer({ apiTarget: server.url, root: pages.dir })
    apps.push(app)
    serve[dialect] = { appUrl: app.url, serveUrl: server.url }
  }
  const bare = await startAppServer({ root: pages.dir })
  apps.push(bare)
  process.env[CLIENT_PAGES_ENV] = JSON.stringify({ appUrl: bare.url, serve } satisfies ClientPagesEnv)
  return async () => {
    await Promise.all(apps.map((app) => app.close()))
    await Promise.all(serves.map((s) => stopServe(s.child)))
    pages.close()
  }
}

/** What globalSetup left for the workers. */
export function clientPagesEnv(): ClientPagesEnv {
  const raw = process.env[CLIENT_PAGES_ENV]
  if (!raw) throw new Error(`${CLIENT_PAGES_ENV} is not set: run the browser tests through test/browser/run.mjs (its globalSetup builds the pages).`)
  return JSON.parse(raw) as ClientPagesEnv
}
