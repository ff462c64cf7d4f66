import type { Dialect, ProtocolRoute } from '../../core/dialect.js'
import type { AuthResult } from '../../core/result.js'
import { compileContract } from './compile-contract.js'
import type { Contract, ContractInput, ContractOperation } from './contract-types.js'
import { encodeContractError } from './encode-contract-error.js'
import { contractSession, contractSignOut } from './session-routes.js'
import { contractRefresh, contractRegister, contractSignIn, type ContractRouteArgs } from './token-routes.js'
import { matchedPath } from './contract-parts.js'
import { issueTokens } from './contract-tokens.js'

const HANDLERS: Record<ContractOperation, (args: ContractRouteArgs) => Promise<AuthResult>> = {
  signIn: contractSignIn,
  register: contractRegister,
  refresh: contractRefresh,
  session: contractSession,
  me: contractSession,
  signOut: contractSignOut,
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
    mintCookies: async (ctx, opened) => (await issueTokens(ctx, contract, opened.user, opened.session, opened.refreshToken, opened.accessMs, true)).cookies,
  }
}

function isCompiled(input: Contract | ContractInput): input is Contract {
  return Array.isArray((input as Contract).routes) && typeof (input as Contract).source === 'string'
}
