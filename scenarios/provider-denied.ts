import { defineScenario } from '../src/core/scenario.js'

export const providerDenied = defineScenario({
  name: 'provider-denied',
  description: 'The mock identity providers answer every authorization with error=access_denied, as when the user clicks Deny.',
  respond: { providerAuthorize: { error: 'access_denied', message: 'The user denied the request (scenario provider-denied).' } },
})
