import { defineScenario } from '../src/core/scenario.js'

export const unavailable = defineScenario({
  name: 'unavailable',
  description: 'Every route under the base path but the JWKS answers 503 service_unavailable.',
  respond: { '*': { error: 'service_unavailable', except: ['jwks'] } },
})
