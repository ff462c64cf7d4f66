// Namespaces over 100k seed users: what Playwright's server mode (a namespace per test) and a
// per-test reset cost when a team's `--users` file is large. One engine in-process (no sockets),
// in a child with --expose-gc, signing with node:crypto as `mock-auth serve` does. Prints one JSON line.
//   - new namespace: the first request in a namespace never seen before (a sign-in of a seed user,
//     which also creates the namespace's state), timed from the call to the answer;
//   - reset: `state.reset()` of a namespace holding a session (what POST /__mock-auth/reset does);
//   - RSS per namespace: NS_COUNT namespaces, each signed in once, over the RSS before them.
// Baseline: none; these are absolute figures against the 5 ms and 1 MB. A sign-in in an
// existing namespace is timed alongside, interleaved, so a slow machine shows as both rising.
import { createEngine } from '../dist/src/core/index.js'
import { restDialect } from '../dist/src/dialects/index.js'
import { nodeSigner } from '../dist/src/server/node-signer.js'
import { builtinScenarios } from '../dist/scenarios/index.js'
import { percentile } from './lib/stats.mjs'

const SEED_USERS = Number(process.env.SEED_USERS ?? 100_000)
const SAMPLES = Number(process.env.NS_SAMPLES ?? 400)
const NS_COUNT = Number(process.env.NS_COUNT ?? 500)
const gc = globalThis.gc ?? (() => undefined)

const users = Array.from({ length: SEED_USERS }, (_, i) => ({ id: `u${i}`, username: `user${i}`, email: `user${i}@example.com`, password: `pw${i}`, roles: ['user'], name: `User ${i}` }))
const built = performance.now()
const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios, users, signer: nodeSigner, maxNamespaces: SAMPLES + NS_COUNT + 10 })
const engineMs = performance.now() - built
const headers = (values) => ({ get: (name) => values[name.toLowerCase()] ?? null })
const encoder = new TextEncoder()
const signIn = (namespace, i) => ({
  method: 'POST',
  url: 'http://127.0.0.1/api/auth/login',
  headers: headers({ 'content-type': 'application/json', 'x-mock-auth-namespace': namespace }),
  body: [encoder.encode(JSON.stringify({ username: `user${i}`, password: `pw${i}` }))],
})

async function timedSignIn(namespace, i) {
  const start = performance.now()
  const result = await engine.fetch(signIn(namespace, i))
  const ms = performance.now() - start
  if (result.status !== 200) throw new Error(`sign-in in ${namespace} answered ${result.status}: ${result.body}`)
  return ms
}

async function memory() {
  gc()
  gc()
  await new Promise((resolve) => setTimeout(resolve, 300))
  gc()
  gc()
  return process.memoryUsage()
}

// Warm-up: JIT for both paths, and the engine's first token (its signer check).
for (let i = 0; i < 200; i++) {
  await timedSignIn(`warm-${i}`, i)
  engine.namespace(`warm-${i}`).reset()
  engine.dropNamespace(`warm-${i}`)
}

const fresh = []
const existing = []
const resets = []
for (let i = 0; i < SAMPLES; i++) {
  const user = (i * 7919) % SEED_USERS
  const name = `ns-${i}`
  // Interleaved: a sign-in in an existing namespace, the first request in a new one, a reset of it.
  existing.push(await timedSignIn('default', user))
  fresh.push(await timedSignIn(name, user))
  const state = engine.namespace(name)
  const start = performance.now()
  state.reset()
  resets.push(performance.now() - start)
  engine.dropNamespace(name)
}
engine.namespace().reset()

const before = await memory()
for (let i = 0; i < NS_COUNT; i++) await timedSignIn(`rss-${i}`, (i * 104729) % SEED_USERS)
const after = await memory()

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) }
}
const out = {
  seedUsers: SEED_USERS,
  samples: SAMPLES,
  engineCreateMs: engineMs,
  newNamespaceMs: stats(fresh),
  existingNamespaceSignInMs: stats(existing),
  resetMs: stats(resets),
  namespaces: NS_COUNT,
  rssPerNamespaceMB: (after.rss - before.rss) / NS_COUNT / 1048576,
  heapPerNamespaceKB: (after.heapUsed - before.heapUsed) / NS_COUNT / 1024,
  rssMB: after.rss / 1048576,
}
process.stderr.write(
  `  ${SEED_USERS} seed users: new namespace p50 ${out.newNamespaceMs.p50.toFixed(3)} ms (existing ${out.existingNamespaceSignInMs.p50.toFixed(3)}), reset p50 ${out.resetMs.p50.toFixed(4)} ms, ` +
    `${out.rssPerNamespaceMB.toFixed(3)} MB RSS per namespace\n`,
)
process.stdout.write(`${JSON.stringify(out)}\n`)
