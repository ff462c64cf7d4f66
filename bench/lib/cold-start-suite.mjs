import { launch, LABELS } from './servers.mjs'
import { timeToExit } from './spawn.mjs'
import { median } from './stats.mjs'

export const COLD_START_ITEMS = ['node', 'bare', 'express', 'mockAuth', 'oauth2', 'jsa']

/**
 * Spawn to first HTTP answer (polled every 2 ms), `runs` times each; the items take turns so
 * that a busy moment of the machine hits all of them. `node -e 0` is spawn to exit: the floor.
 * `items` picks a subset (`npm run bench:cold` measures only the floor, Express and mock-auth).
 */
export async function coldStartSuite({ runs, log, items = COLD_START_ITEMS }) {
  const unknown = items.filter((name) => !COLD_START_ITEMS.includes(name))
  if (unknown.length > 0) throw new Error(`Unknown cold-start item(s) ${unknown.join(', ')}; known: ${COLD_START_ITEMS.join(', ')}.`)
  const times = Object.fromEntries(items.map((name) => [name, []]))
  for (let run = 0; run < runs; run++) {
    for (const name of items) {
      if (name === 'node') {
        times.node.push(await timeToExit(process.execPath, ['-e', '0']))
        continue
      }
      const server = await launch(name)
      times[name].push(server.ms)
      await server.stop()
    }
  }
  const out = Object.fromEntries(items.map((name) => [name, { median: median(times[name]), min: Math.min(...times[name]), runs: times[name].map(Math.round) }]))
  for (const name of items) log(`  ${LABELS[name].padEnd(20)} median ${Math.round(out[name].median)} ms`)
  return out
}
