import { defineScenario } from '../src/core/scenario.js'

export const rateLimited = defineScenario({
  name: 'rate-limited',
  description: 'Every sign-in gets 429 rate_limited with Retry-After: 30.',
  respond: { signIn: { error: 'rate_limited', retryAfter: '30s' } },
})
