import type { Duration } from '../../core/duration.js'
import { MockAuthError } from '../../core/errors.js'
import { normalizeBasePath } from '../../core/config.js'
import { contractDialect, type ContractDialect } from './contract-dialect.js'
import type { Contract, ContractInput } from './contract-types.js'

/** The engine options a surface's own options may also set, and a contract decides otherwise. */
export interface ContractSensitiveOptions {
  dialect?: unknown
  basePath?: string | undefined
  accessTokenTtl?: Duration | undefined
  refreshTokenTtl?: Duration | undefined
}

/**
 * What a contract sets on the engine, for every surface alike (`createMockAuth`, `createServer`,
 * the Playwright fixture, `serve`): its dialect, the base path `''` (its routes are absolute
 * paths), and its token lifetimes unless the surface's own options give them. A contract is its
 * own dialect, so giving both is refused, as is a base path other than the root.
 */
export function contractEngineOptions(contract: Contract | ContractInput, given: ContractSensitiveOptions): { dialect: ContractDialect; basePath: ''; accessTokenTtl?: Duration; refreshTokenTtl?: Duration } {
  if (given.dialect !== undefined) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', 'Pass either "contract" or "dialect", not both: a contract is its own dialect.')
  }
  if (given.basePath !== undefined && normalizeBasePath(given.basePath) !== '') {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `"basePath" does not apply with a contract: its routes carry their own absolute paths (got "${given.basePath}"). Leave basePath out.`)
  }
  const dialect = contractDialect(contract)
  const out: { dialect: ContractDialect; basePath: ''; accessTokenTtl?: Duration; refreshTokenTtl?: Duration } = { dialect, basePath: '' }
  const accessTokenTtl = given.accessTokenTtl ?? dialect.contract.tokens.accessTokenTtl
  const refreshTokenTtl = given.refreshTokenTtl ?? dialect.contract.tokens.refreshTokenTtl
  if (accessTokenTtl !== undefined) out.accessTokenTtl = accessTokenTtl
  if (refreshTokenTtl !== undefined) out.refreshTokenTtl = refreshTokenTtl
  return out
}
