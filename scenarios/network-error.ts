import { defineScenario } from '../src/core/scenario.js'

export const networkError = defineScenario({
  name: 'network-error',
  description: 'The connection is dropped for every route under the base path.',
  networkError: true,
})
