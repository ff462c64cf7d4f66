// `npm run bench:cold`: only the cold-start figure (spawn to first HTTP answer), interleaved with
// Express hello as the baseline, in well under a minute. Knobs (env): COLD_RUNS (10), COLD_ITEMS
// (comma-separated, default `node,express,mockAuth`; the peers need `npm --prefix bench install`).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { coldStartSuite } from './lib/cold-start-suite.mjs'
import { ROOT } from './lib/servers.mjs'

const runs = Number(process.env.COLD_RUNS ?? 10)
const items = (process.env.COLD_ITEMS ?? 'node,express,mockAuth').split(',').map((s) => s.trim()).filter(Boolean)
const log = (line) => process.stderr.write(`${line}\n`)

if (!existsSync(join(ROOT, 'dist/bin/mock-auth.js'))) {
  log('dist/ is missing: run `npm run build` first (npm run bench:cold does).')
  process.exitCode = 1
} else {
  log(`Cold start, spawn to first HTTP answer, ${runs} runs each (interleaved)`)
  const cold = await coldStartSuite({ runs, log, items })
  if (cold.express && cold.mockAuth) {
    const ratio = cold.mockAuth.median / cold.express.median
    log(`  mock-auth serve vs Express hello: ${ratio.toFixed(2)} (target <= 1.5)`)
  }
  process.stdout.write(`${JSON.stringify(cold)}\n`)
}
