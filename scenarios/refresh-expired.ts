import { defineScenario } from '../src/core/scenario.js'

export const refreshExpired = defineScenario({
  name: 'refresh-expired',
  description: 'As expired, but the refresh token is expired too (refresh_token_expired): back to sign-in.',
  signInTokens: { accessTokenTtl: '-1m', refreshTokenTtl: '-1m' },
})
