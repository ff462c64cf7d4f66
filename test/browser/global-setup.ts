import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { REPO_ROOT, startAppServer } from '../../examples/app-server.mjs'
import { ensureWorkerScript } from '../../examples/worker-script.mjs'

/** Environment variables the workers read (globalSetup's process.env reaches every worker). */
export const ENV = {
  serveUrl: 'MOCK_AUTH_BROWSER_SERVE_URL',
  proxiedAppUrl: 'MOCK_AUTH_BROWSER_PROXIED_APP_URL',
  appUrl: 'MOCK_AUTH_BROWSER_APP_URL',
} as const

// MOCK_AUTH_BIN lets you point the tests at another build of the CLI.
const BIN = process.env.MOCK_AUTH_BIN ?? join(REPO_ROOT, 'dist', 'bin', 'mock-auth.js')

/** Starts the real CLI, `mock-auth serve --port 0`, and reads the URL it prints. */
async function startServe(): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build before the browser tests.`)
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock-auth serve printed no URL within 15 s. Output:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`mock-auth serve exited with ${code} before listening. Output:\n${output}`))
    })
  })
  // Keep draining its request log so a full pipe never blocks the server.
  child.stdout?.resume()
  child.stderr?.resume()
  return { url, child }
}

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
  return async () => {
    await Promise.all([proxied.close(), bare.close()])
    if (serve.child.exitCode === null) {
      serve.child.kill('SIGTERM')
      await once(serve.child, 'exit')
    }
  }
}
