import { defineScenario } from '../src/core/scenario.js'

export const slow = defineScenario({
  name: 'slow',
  description: 'Every auth route answers after a 1 second delay (a 404 and the control API answer at once).',
  delay: '1s',
})
