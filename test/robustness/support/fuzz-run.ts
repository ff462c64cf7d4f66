import { describeCase, generateCase, resolve, type FuzzCase } from './fuzz-cases.js'
import { violation } from './fuzz-check.js'
import { Rand } from './prng.js'
import type { Reply } from './target.js'

/** A case with its placeholders filled, ready for a transport. */
export interface WireCase extends Omit<FuzzCase, 'body'> {
  body: Uint8Array | null
}

/** Carries one case; resolves `{ networkError: true }` replies for dropped connections. */
export type CaseSender = (c: WireCase) => Promise<Reply | 'unsendable'>

export interface Probe {
  /** Signs in afresh (its own namespace) and checks `/me`; returns live credentials for the next cases. */
  (): Promise<{ access: string; refresh: string }>
}

export interface FuzzOptions {
  seed: number
  cases: number
  send: CaseSender
  probe: Probe
  /** Probe every N cases (default 100). */
  probeEvery?: number
  /** Stop after this many ms even if cases remain (a bound, never a pass condition). */
  maxMs?: number
}

export interface FuzzStats {
  sent: number
  unsendable: number
  probes: number
  /** Count per status; `passed` for requests the engine left to its adapter. */
  statuses: Record<string, number>
}

export class FuzzFailure extends Error {}

/** Runs `cases` generated requests through `send`, checking the invariants after each one. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzStats> {
  const rand = new Rand(options.seed)
  const stats: FuzzStats = { sent: 0, unsendable: 0, probes: 0, statuses: {} }
  const every = options.probeEvery ?? 100
  const deadline = Date.now() + (options.maxMs ?? Number.POSITIVE_INFINITY)
  const failures = new Map<string, string>()
  let creds = await options.probe()
  for (let i = 0; i < options.cases && Date.now() < deadline; i++) {
    const c = generateCase(rand, i)
    const wire = toWire(c, creds)
    let reply: Reply | 'unsendable'
    try {
      reply = await options.send(wire)
    } catch (error) {
      throw failure(options.seed, c, `the transport threw: ${String(error)}`)
    }
    if (reply === 'unsendable') {
      stats.unsendable++
      continue
    }
    stats.sent++
    const key = reply.passedOn ? 'passed' : String(reply.status)
    stats.statuses[key] = (stats.statuses[key] ?? 0) + 1
    const broken = violation(c, reply)
    if (broken) {
      // Keep going a little, so one run shows every distinct way it broke.
      const key = broken.replace(/\d+/g, 'N')
      if (!failures.has(key)) failures.set(key, failure(options.seed, c, `${broken}; got ${reply.status} ${reply.text.slice(0, 300)}`).message)
      if (failures.size >= 10) break
    }
    if ((i + 1) % every === 0) {
      try {
        creds = await options.probe()
        stats.probes++
      } catch (error) {
        throw failure(options.seed, c, `a fresh sign-in failed after this case: ${String(error)}`)
      }
    }
  }
  if (failures.size > 0) throw new FuzzFailure([...failures.values()].join('\n'))
  await options.probe()
  stats.probes++
  return stats
}

function toWire(c: FuzzCase, creds: { access: string; refresh: string }): WireCase {
  const headers = c.headers.map(([name, value]): [string, string] => [name, resolve(value, creds)])
  const body = typeof c.body === 'string' ? new TextEncoder().encode(resolve(c.body, creds)) : c.body
  return { ...c, headers, body }
}

function failure(seed: number, c: FuzzCase, why: string): FuzzFailure {
  return new FuzzFailure(`fuzz invariant broken (replay with FUZZ_SEED=${seed}): ${why}\n  case ${describeCase(c)}`)
}
