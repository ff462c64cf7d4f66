import { defineScenario } from '../src/core/scenario.js'

export const slow = defineScenario({
  name: 'slow',
  description: 'Every response under the base path is delayed by 1 second.',
  delay: '1s',
})
