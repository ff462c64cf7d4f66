import autocannon from 'autocannon'
import { mean } from './stats.mjs'

/** Fixed for every item so the figures compare: loopback, keep-alive, no pipelining. */
export const CONNECTIONS = 10
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 4)

/**
 * One autocannon run. `item.requests` (autocannon's request list) or method/path/headers/body;
 * `item.amount` switches from a fixed duration to a fixed number of requests (the refresh pool).
 * Returns requests per second over the run, latency p50/p99 and any non-2xx or error count.
 */
export async function measure(url, item, durationS = DURATION_S) {
  const options = {
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    ...(item.amount === undefined ? { duration: durationS } : { amount: item.amount }),
    requests: item.requests ?? [{ method: item.method ?? 'GET', path: item.path ?? '/', headers: item.headers ?? {}, body: item.body }],
  }
  // autocannon ends a fixed-amount run on its next one-second tick, so its `duration` counts idle
  // time up to that tick (8,000 requests done in 2.1 s report 3 s): time the run from our start
  // to its last response instead, for both kinds of run alike.
  const started = performance.now()
  let last = started
  const run = autocannon(options)
  run.on('response', () => (last = performance.now()))
  const result = await run
  const ok = result['2xx']
  const seconds = (last - started) / 1000
  return {
    rps: ok / seconds,
    total: result.requests.total,
    durationS: seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** One item's rounds (warm-up left out) as the results keep them: mean req/s, each round, mean latencies, bad answers. */
/** Several fixed-amount chunks of one item as one run: requests over the chunks' summed time. */
export function combineChunks(runs) {
  const seconds = runs.reduce((n, r) => n + r.durationS, 0)
  return {
    rps: runs.reduce((n, r) => n + r.rps * r.durationS, 0) / seconds,
    total: runs.reduce((n, r) => n + r.total, 0),
    durationS: seconds,
    p50: runs.reduce((n, r) => n + r.p50, 0) / runs.length,
    p99: runs.reduce((n, r) => n + r.p99, 0) / runs.length,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }
}

export function summarize(runs) {
  return { rps: mean(runs.map((r) => r.rps)), runs: runs.map((r) => Math.round(r.rps)), p50: mean(runs.map((r) => r.p50)), p99: mean(runs.map((r) => r.p99)), bad: runs.reduce((n, r) => n + r.non2xx + r.errors, 0) }
}

/** Logs a round's figure for one item (and any bad answers); keeps it unless it is the warm-up. */
export function record(results, name, result, round, log, width) {
  if (result.non2xx > 0 || result.errors > 0) log(`  ! ${name}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  if (round > 0) results[name].push(result)
  log(`  ${round === 0 ? 'warm-up' : `round ${round}`} ${name.padEnd(width)} ${Math.round(result.rps)} req/s`)
}
