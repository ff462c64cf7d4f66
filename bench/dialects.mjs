// `npm run bench:dialects`: only the dialect rows (next-auth, authjs, better-auth sign-in and
// session against an Express 5 hello in the same rounds); `npm run bench` runs them too.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { dialectSuite } from './lib/dialect-suite.mjs'
import { dialectRatios, dialectTable, dialectTargets } from './lib/dialect-report.mjs'
import { BENCH, ROOT } from './lib/servers.mjs'
import { round } from './lib/stats.mjs'
import { fmt, table, verdict } from './lib/table.mjs'
import { CONNECTIONS, DURATION_S } from './lib/throughput.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const log = (line) => process.stderr.write(`${line}\n`)

if (!existsSync(join(ROOT, 'dist/bin/mock-auth.js'))) {
  log('dist/ is missing: run `npm run build` first (npm run bench:dialects does).')
  process.exitCode = 1
} else {
  const d = await dialectSuite({ rounds: ROUNDS, log })
  const targets = dialectTargets(d)
  process.stdout.write(`\n${dialectTable(d)}\n\n${table(['target', 'measured', 'goal', ''], targets.map(([label, value, goal, ok]) => [label, fmt(value, 2), goal, verdict(ok)]))}\n`)
  // Its own file: latest.json holds one whole run, and these rows alone are another run.
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    settings: { connections: CONNECTIONS, durationS: DURATION_S, rounds: ROUNDS },
    ratios: Object.fromEntries(Object.entries(dialectRatios(d)).map(([k, v]) => [k, round(v, 3)])),
    targets: Object.fromEntries(targets.map(([label, value, goal, ok]) => [label, { measured: round(value, 3), goal, met: ok }])),
    dialects: d,
  }
  mkdirSync(join(BENCH, 'results'), { recursive: true })
  writeFileSync(join(BENCH, 'results/dialects.json'), `${JSON.stringify(results, null, 2)}\n`)
  log('Wrote bench/results/dialects.json.')
}
