// The MSW worker script must match the installed msw exactly (its PACKAGE_VERSION and checksum are
// checked by setupWorker), so it is generated with `msw init` rather than committed.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { APP_ROOT, REPO_ROOT } from './app-server.mjs'

const require = createRequire(import.meta.url)

export const WORKER_SCRIPT = join(APP_ROOT, 'mockServiceWorker.js')

/** Runs `npx msw init examples/app --no-save` when the script is missing or from another msw. */
export function ensureWorkerScript() {
  const { version } = require('msw/package.json')
  if (existsSync(WORKER_SCRIPT) && readFileSync(WORKER_SCRIPT, 'utf8').includes(`PACKAGE_VERSION = '${version}'`)) return WORKER_SCRIPT
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  execFileSync(npx, ['--no-install', 'msw', 'init', relative(REPO_ROOT, APP_ROOT), '--no-save'], { cwd: REPO_ROOT, stdio: 'pipe' })
  if (!existsSync(WORKER_SCRIPT)) throw new Error(`msw init did not write ${WORKER_SCRIPT}; run: npx msw init examples/app --no-save`)
  return WORKER_SCRIPT
}
