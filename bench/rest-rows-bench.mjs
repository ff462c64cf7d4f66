// `node bench/rest-rows-bench.mjs` (after `npm run build` and `npm --prefix bench install`): only the
// REST rows of `npm run bench` measured against Express hello (sign-in, session and /me with fresh
// tokens) and that baseline, in the same rounds. For iterating on the server without the whole bench.
import { round } from './lib/stats.mjs'
import { throughputSuite } from './lib/throughput-suite.mjs'

const log = (line) => process.stderr.write(`${line}\n`)
const tp = await throughputSuite({ rounds: Number(process.env.BENCH_ROUNDS ?? 3), log, only: ['express', 'signIn', 'session', 'me'] })
const ratios = Object.fromEntries(['signIn', 'session', 'me'].map((name) => [`${name}VsExpress`, round(tp[name].rps / tp.express.rps, 3)]))
process.stdout.write(`${JSON.stringify({ rps: Object.fromEntries(Object.entries(tp).map(([k, v]) => [k, Math.round(v.rps)])), runs: Object.fromEntries(Object.entries(tp).map(([k, v]) => [k, v.runs])), ratios })}\n`)
