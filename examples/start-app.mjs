// Serves the example app by hand (docs/browser.md):
//   node examples/start-app.mjs                                  MSW in the page: open /?msw=1
//   node examples/start-app.mjs --api http://127.0.0.1:4010      proxied to a running mock-auth serve
// Options: --port N (default 5173), --host H (default 127.0.0.1).
import { parseArgs } from 'node:util'
import { startAppServer } from './app-server.mjs'
import { ensureWorkerScript } from './worker-script.mjs'

const USAGE = 'Usage: node examples/start-app.mjs [--api http://127.0.0.1:4010] [--port 5173] [--host 127.0.0.1]'

function readOptions() {
  const { values } = parseArgs({
    options: { api: { type: 'string' }, port: { type: 'string', default: '5173' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean' } },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
  if (values.api !== undefined && !/^https?:\/\/[^/]+\/?$/.test(values.api)) throw new Error(`--api must be an origin like http://127.0.0.1:4010, not "${values.api}".`)
  return { ...values, port }
}

async function main() {
  let options
  try {
    options = readOptions()
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`)
    return 2
  }
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  ensureWorkerScript()
  let app
  try {
    app = await startAppServer({ apiTarget: options.api, port: options.port, host: options.host })
  } catch (error) {
    console.error(error.code === 'EADDRINUSE' ? `Port ${options.port} is taken: pass --port 0 for a free one.` : error.message)
    return 1
  }
  console.log(`Example app on ${app.url}`)
  console.log(`  MSW in the page:  ${app.url}/?msw=1`)
  console.log(options.api ? `  proxied API:      ${app.url}/ -> ${options.api}/api/auth` : '  no API target: start `npx mock-auth serve` and pass --api http://127.0.0.1:4010 to use it')
  console.log('Press Ctrl+C to stop.')
  const stop = () => void app.close()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return 0
}

process.exitCode = await main()
