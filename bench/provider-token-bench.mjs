// `node bench/provider-token-bench.mjs` (after `npm run build` and `npm --prefix bench install`): only
// the provider token rows of `npm run bench` and their baseline, oauth2-mock-server's POST /token,
// in the same rounds. For iterating on the provider without the whole bench (it takes minutes).
import { round } from './lib/stats.mjs'
import { throughputSuite } from './lib/throughput-suite.mjs'

const log = (line) => process.stderr.write(`${line}\n`)
const tp = await throughputSuite({ rounds: Number(process.env.BENCH_ROUNDS ?? 3), log, only: ['oauth2Token', 'oauth2Code', 'providerCode', 'providerClient'] })
const ratios = {
  providerCodeVsOauth2Code: round(tp.providerCode.rps / tp.oauth2Code.rps, 3),
  providerCodeVsOauth2Token: round(tp.providerCode.rps / tp.oauth2Token.rps, 3),
  providerClientVsOauth2Token: round(tp.providerClient.rps / tp.oauth2Token.rps, 3),
}
process.stdout.write(`${JSON.stringify({ rps: Object.fromEntries(Object.entries(tp).map(([k, v]) => [k, Math.round(v.rps)])), runs: Object.fromEntries(Object.entries(tp).map(([k, v]) => [k, v.runs])), ratios })}\n`)
