import { defineScenario } from '../src/core/scenario.js'

export const defaultScenario = defineScenario({
  name: 'default',
  description: 'Seeded users sign in; wrong passwords get invalid_credentials.',
})
