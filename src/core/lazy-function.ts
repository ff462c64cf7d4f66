/**
 * A one-argument async function whose module loads on its first call: route tables stay data
 * while the code behind a route (a provider's grants and keys, a contract's routes, the control
 * API's dashboard) loads only when a request reaches it, so a test file or `serve` pays for
 * what it uses (docs/architecture.md, "What loads when"). The picked function is kept after the
 * first call; the module system caches the import itself.
 */
export function lazyFunction<M, A, R>(load: () => Promise<M>, pick: (module: M) => (arg: A) => R | Promise<R>): (arg: A) => Promise<R> {
  let fn: ((arg: A) => R | Promise<R>) | undefined
  return async (arg: A) => (fn ??= pick(await load()))(arg)
}
