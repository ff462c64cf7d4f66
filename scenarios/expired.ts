import { defineScenario } from '../src/core/scenario.js'

export const expired = defineScenario({
  name: 'expired',
  description: 'Sign-in issues an already expired access token (401 token_expired); /refresh then issues a valid one.',
  signInTokens: { accessTokenTtl: '-1m' },
})
