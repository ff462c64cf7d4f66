import type { Dialect, ProtocolRoute } from '../../core/dialect.js'
import type { AuthResult } from '../../core/result.js'
import { lazyFunction } from '../../core/lazy-function.js'
import { compileContract } from './compile-contract.js'
import type { Contract, ContractInput, ContractOperation } from './contract-types.js'
import { encodeContractError } from './encode-contract-error.js'
import type { ContractRouteArgs } from './token-routes.js'
import { matchedPath } from './contract-parts.js'

type ContractHandler = (args: ContractRouteArgs) => Promise<AuthResult>

// The routes' modules load on the first request (an engine made with a contract may serve none).
const lazy = <M>(load: () => Promise<M>, pick: (module: M) => ContractHandler): ContractHandler => lazyFunction(load, pick)
const tokenRoutes = () => import('./token-routes.js')
const sessionRoutes = () => import('./session-routes.js')

const HANDLERS: Record<ContractOperation, ContractHandler> = {
  signIn: lazy(tokenRoutes, (m) => m.contractSignIn),
  register: lazy(tokenRoutes, (m) => m.contractRegister),
  refresh: lazy(tokenRoutes, (m) => m.contractRefresh),
  session: lazy(sessionRoutes, (m) => m.contractSession),
  me: lazy(sessionRoutes, (m) => m.contractSession),
  signOut: lazy(sessionRoutes, (m) => m.contractSignOut),
}

/** A dialect described by data: its route table and error codec come from the contract. */
export interface ContractDialect extends Dialect {
  readonly contract: Contract
}

/**
 * The dialect of a contract (a validated `Contract`, or contract data validated here). Its routes
 * are absolute paths, so the engine serves it with the base path `''`; paths the contract does
 * not name are not its own (`onlyOwnRoutes`), so the app's other requests pass through untouched.
 */
export function contractDialect(input: Contract | ContractInput, source?: string): ContractDialect {
  const contract = isCompiled(input) ? input : compileContract(input, source)
  const routes: Record<string, Partial<Record<string, ProtocolRoute>>> = {}
  for (const route of contract.routes) {
    const op = contract.operations[route.operation]
    if (!op) continue
    const key = matchedPath(route.path)
    const methods = (routes[key] ??= {})
    methods[route.method] = {
      operation: route.operation,
      handle: (ctx) => HANDLERS[route.operation]({ ctx, op, contract, fail: (error) => encodeContractError(contract, route.operation, error) }),
    }
  }
  return {
    name: 'contract',
    contract,
    routes,
    onlyOwnRoutes: true,
    cookieNames: [contract.cookies.access?.name, contract.cookies.refresh?.name].filter((name) => name !== undefined),
    encodeError: (error, ctx) => encodeContractError(contract, ctx.operation, error),
    // The control API's session in the contract's own cookies (none when the contract sets none).
    mintCookies: async (ctx, opened) => (await (await import('./contract-tokens.js')).issueTokens(ctx, contract, opened.user, opened.session, opened.refreshToken, opened.accessMs, true)).cookies,
  }
}

function isCompiled(input: Contract | ContractInput): input is Contract {
  return Array.isArray((input as Contract).routes) && typeof (input as Contract).source === 'string'
}
