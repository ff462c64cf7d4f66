import { defineScenario } from '../src/core/scenario.js'

export const serverError = defineScenario({
  name: 'server-error',
  description: 'Every route under the base path but the JWKS answers 500 server_error.',
  respond: { '*': { error: 'server_error', except: ['jwks'] } },
})
