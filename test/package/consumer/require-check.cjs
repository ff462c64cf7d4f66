// What `require()` does with each entry on this Node (>= 20.19: require(esm) without a flag), as the
// README's "ESM only" section says. Prints one JSON line: entry -> 'ok' or the error code.
const entries = ['mock-auth', 'mock-auth/core', 'mock-auth/dialects', 'mock-auth/scenarios', 'mock-auth/handlers', 'mock-auth/server', 'mock-auth/node', 'mock-auth/browser', 'mock-auth/vitest', 'mock-auth/playwright', 'mock-auth/errors']
const outcome = {}
for (const entry of entries) {
  try {
    require(entry)
    outcome[entry] = 'ok'
  } catch (error) {
    outcome[entry] = error.code ?? String(error)
  }
}
console.log(JSON.stringify(outcome))
