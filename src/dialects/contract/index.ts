export { compileContract } from './compile-contract.js'
export { describeRoutes } from './describe-routes.js'
export { compileTemplate, type Render, type TemplateVars, type TemplateValue, type PlaceholderScope } from './template.js'
export {
  CONTRACT_OPERATIONS,
  type Contract,
  type ContractInput,
  type ContractOperation,
  type ContractOperationInput,
  type ContractCookieInput,
  type ContractErrorsInput,
  type ContractRoute,
} from './contract-types.js'
export { contractDialect, type ContractDialect } from './contract-dialect.js'
export { contractEngineOptions } from './contract-options.js'
