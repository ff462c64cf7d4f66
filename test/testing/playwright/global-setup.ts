import { createServer as createHttpServer, type Server } from 'node:http'
import { once } from 'node:events'
import { createServer } from '../../../src/server/index.js'

/** What the workers read (globalSetup's process.env reaches every worker). */
export const ENV = { appUrl: 'MOCK_AUTH_FIXTURE_APP_URL', serverUrl: 'MOCK_AUTH_FIXTURE_SERVER_URL' } as const

/** A blank page: the tests drive fetch() from it, so requests have a real page origin and cookie jar. */
const PAGE = '<!doctype html><meta charset="utf-8"><title>fixture test app</title><p>app</p>'

/**
 * Starts a tiny static app server and one shared `mock-auth` server (for the server-mode tests),
 * both on 127.0.0.1 and port 0; returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const app: Server = createHttpServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found","message":"The static app server only serves /."}')
    }
  })
  app.listen(0, '127.0.0.1')
  await once(app, 'listening')
  const address = app.address()
  if (address === null || typeof address === 'string') throw new Error('The app server has no port.')
  process.env[ENV.appUrl] = `http://127.0.0.1:${address.port}`

  const mock = await createServer().listen({ port: 0 })
  process.env[ENV.serverUrl] = mock.url
  return async () => {
    app.closeAllConnections()
    await new Promise<void>((resolve) => app.close(() => resolve()))
    await mock.close()
  }
}
