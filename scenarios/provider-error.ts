import { defineScenario } from '../src/core/scenario.js'

export const providerError = defineScenario({
  name: 'provider-error',
  description: "The mock identity providers' token endpoints answer 500 server_error, so a social sign-in fails at the code exchange.",
  respond: { providerToken: { error: 'server_error', message: 'The identity provider failed to issue tokens (scenario provider-error).' } },
})
