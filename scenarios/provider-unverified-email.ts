import { defineScenario } from '../src/core/scenario.js'

export const providerUnverifiedEmail = defineScenario({
  name: 'provider-unverified-email',
  description: 'Every account of the mock identity providers has email_verified: false (id_token, userinfo, GitHub /user/emails).',
  providerClaims: { email_verified: false },
})
