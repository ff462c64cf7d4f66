import { defineScenario } from '../src/core/scenario.js'

export const badCredentials = defineScenario({
  name: 'bad-credentials',
  description: 'Every sign-in attempt gets 401 invalid_credentials.',
  respond: { signIn: { error: 'invalid_credentials' } },
})
