import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import { createMockAuth } from '../../src/node/index.js'
import { DEFAULT_BETTER_AUTH_SECRET } from '../../src/dialects/better-auth/session-cookie.js'
import { betterAuthCases } from './support/better-auth-cases.js'
import { betterAuthFlowCases } from './support/better-auth-flow-cases.js'
import { betterAuthSocialCases } from './support/better-auth-social-cases.js'
import { ACME } from './support/oauth-follow.js'

/** better-auth 1.7's real client against the MSW handlers in Node: no port, the app's own origin. */
const auth = createMockAuth({ dialect: 'better-auth', providers: [ACME] })
const server = setupServer(...auth.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => auth.reset())

describe('better-auth client against the MSW handlers (dialect better-auth)', () => {
  betterAuthCases(() => ({
    origin: 'http://localhost:3000',
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void auth.use(name),
    reset: async () => auth.reset(),
  }))
  betterAuthFlowCases(() => ({
    origin: 'http://localhost:3000',
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void auth.use(name),
    reset: async () => auth.reset(),
    mailbox: async () => auth.mailbox(),
  }))
  betterAuthSocialCases(() => ({
    origin: 'http://localhost:3000',
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void auth.use(name),
    reset: async () => auth.reset(),
    chooseAccount: async (provider, account) => void auth.chooseAccount(provider, account),
  }))
})
