import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import type { Mail } from '../../src/core/index.js'
import { createServer, type RunningServer } from '../../src/server/index.js'
import { DEFAULT_BETTER_AUTH_SECRET } from '../../src/dialects/better-auth/session-cookie.js'
import { betterAuthCases } from './support/better-auth-cases.js'
import { betterAuthFlowCases } from './support/better-auth-flow-cases.js'
import { betterAuthSocialCases } from './support/better-auth-social-cases.js'
import { ACME } from './support/oauth-follow.js'

/** better-auth 1.7's real client against `createServer({ dialect: 'better-auth', providers: [ACME] })` on a real port. */
let running: RunningServer
beforeAll(async () => {
  running = await createServer({ dialect: 'better-auth', providers: [ACME] }).listen()
})
afterAll(() => running.close())
beforeEach(() => running.engine.reset())

describe('better-auth client against serve (dialect better-auth)', () => {
  betterAuthCases(() => ({
    origin: running.url,
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void running.engine.namespace().use(name),
    reset: async () => running.engine.reset(),
  }))
  betterAuthFlowCases(() => ({
    origin: running.url,
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void running.engine.namespace().use(name),
    reset: async () => running.engine.reset(),
    mailbox: async () => (await (await fetch(`${running.url}/__mock-auth/mailbox`)).json()) as Mail[],
  }))
  betterAuthSocialCases(() => ({
    origin: running.url,
    secret: DEFAULT_BETTER_AUTH_SECRET,
    use: async (name) => void running.engine.namespace().use(name),
    reset: async () => running.engine.reset(),
    // Through the control API, as a test against `serve` would.
    chooseAccount: async (provider, account) => {
      const res = await fetch(`${running.url}/__mock-auth/providers/next-account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider, account }) })
      if (!res.ok) throw new Error(`next-account: ${res.status} ${await res.text()}`)
    },
  }))
})
