import { defineScenario } from '../src/core/scenario.js'

export const unverifiedEmail = defineScenario({
  name: 'unverified-email',
  description: 'Sign-in gets 403 email_not_verified until the user follows a verification mail in this namespace.',
  requireVerifiedEmail: true,
})
