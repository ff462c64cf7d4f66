// `npm run test:browser`: the example app driven by Debian's Chromium, three ways (see
// docs/browser.md). Extra arguments go to `playwright test`, e.g. `--project msw` or `-g reload`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function fail(message) {
  console.error(`test:browser: ${message}`)
  process.exitCode = 1
}

if (!existsSync(chromium)) {
  fail(`no Chromium at ${chromium}. Install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH.`)
} else if (!existsSync(process.env.MOCK_AUTH_BIN ?? join(root, 'dist', 'bin', 'mock-auth.js'))) {
  fail('dist/ is missing. Run npm run build first (npm test does).')
} else {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli')
  const child = spawn(process.execPath, [cli, 'test', '--config', join(here, 'playwright.config.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  })
  child.on('exit', (code, signal) => {
    if (signal) fail(`playwright was killed by ${signal}.`)
    else process.exitCode = code ?? 1
  })
}
