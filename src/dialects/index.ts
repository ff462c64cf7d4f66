export {
  DIALECT_NAMES,
  isDialectName,
  loadDialect,
  nextAuthSecret,
  processEnv,
  resolveDialect,
  type DialectFactory,
  type DialectName,
  type DialectSettings,
} from './registry.js'
export { describeDialect, lazyDialect, type DialectManifest } from './lazy-dialect.js'
export { restDialect } from './rest/index.js'
export { authjsDialect, AUTHJS_V5 } from './authjs/index.js'
export { nextAuthDialect, createNextAuthDialect, NEXT_AUTH_V4, type NextAuthDialect, type NextAuthWire } from './next-auth/index.js'
export {
  compileContract,
  contractDialect,
  CONTRACT_OPERATIONS,
  type Contract,
  type ContractDialect,
  type ContractInput,
  type ContractOperation,
  type ContractOperationInput,
  type ContractCookieInput,
  type ContractErrorsInput,
} from './contract/index.js'
