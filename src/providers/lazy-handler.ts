import type { ProviderContext, ProviderHandler } from './context.js'

/**
 * A route handler whose module loads on its first request. The identity providers are mounted in
 * every engine, yet most test files never sign in with Google: their route tables stay data, and
 * the grants, keys (jose, RSA) and pages behind them load only when a request reaches them.
 */
export function lazyHandler<M>(load: () => Promise<M>, pick: (module: M) => ProviderHandler): ProviderHandler {
  let handler: ProviderHandler | undefined
  return async (ctx: ProviderContext) => (handler ??= pick(await load()))(ctx)
}
