import { defineScenario } from '../src/core/scenario.js'

export const locked = defineScenario({
  name: 'locked',
  description: 'Every sign-in gets 423 account_locked.',
  respond: { signIn: { error: 'account_locked' } },
})
