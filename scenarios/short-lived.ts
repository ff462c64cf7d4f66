import { defineScenario } from '../src/core/scenario.js'

export const shortLived = defineScenario({
  name: 'short-lived',
  description: 'Access tokens live 10 seconds, for watching expiry happen by hand.',
  tokens: { accessTokenTtl: '10s' },
})
