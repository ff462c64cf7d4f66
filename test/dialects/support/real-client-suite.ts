import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import type { DialectName } from '../../../src/dialects/index.js'
import { createMockAuth } from '../../../src/node/index.js'
import { createServer, type RunningServer } from '../../../src/server/index.js'
import type { Mail } from '../../../src/core/index.js'
import { importUntyped, installCookieFetch, type CookieFetch } from './cookie-fetch.js'
import { nextAuthCases, type NextAuthClient, type NextAuthTarget } from './next-auth-cases.js'
import { nextAuthSocialCases, type NextAuthOAuthExpectations } from './next-auth-social-cases.js'
import { ACME } from './oauth-follow.js'

export const SECRET = 'a-next-auth-secret-for-the-tests-0123456789'
const MSW_ORIGIN = 'http://localhost:3000'

export interface RealClientSuite {
  dialect: Extract<DialectName, 'next-auth' | 'authjs'>
  /** `next-auth/react` or the v5 alias's. */
  clientModule: string
  jwtModule: string
  transport: 'serve' | 'msw'
  sessionCookie: string
  /** v5's decode needs the cookie name as salt. */
  salted: boolean
  badCredentials: NextAuthTarget['badCredentials']
  serverError: string
  oauth: NextAuthOAuthExpectations
}

/**
 * One real next-auth client, unmodified, against one transport. Each suite lives in a file of
 * its own: the client fixes its base URL from NEXTAUTH_URL when its module loads.
 */
export function realClientSuite(s: RealClientSuite): void {
  let running: RunningServer | undefined
  const auth = s.transport === 'msw' ? createMockAuth({ dialect: s.dialect, secret: SECRET, providers: [ACME] }) : undefined
  const server = auth ? setupServer(...auth.handlers) : undefined
  let origin = MSW_ORIGIN
  let client: NextAuthClient
  let cookies: CookieFetch
  let decode: (params: { token: string; secret: string; salt?: string }) => Promise<Record<string, unknown> | null>

  beforeAll(async () => {
    if (server) server.listen({ onUnhandledRequest: 'error' })
    else {
      running = await createServer({ dialect: s.dialect, secret: SECRET, providers: [ACME] }).listen()
      origin = running.url
    }
    process.env.NEXTAUTH_URL = `${origin}/api/auth`
    // v5's client opens a BroadcastChannel per session fetch; unref'd, they do not keep the worker alive.
    const Native = globalThis.BroadcastChannel
    globalThis.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name)
        ;(this as unknown as { unref?: () => void }).unref?.()
      }
    }
    client = (await importUntyped(s.clientModule)) as NextAuthClient
    ;({ decode } = (await importUntyped(s.jwtModule)) as { decode: typeof decode })
    cookies = installCookieFetch()
  })
  afterAll(async () => {
    cookies.uninstall()
    server?.close()
    await running?.close()
  })
  beforeEach(async () => {
    cookies.jar.clear()
    if (auth) auth.reset()
    else await fetch(`${origin}/__mock-auth/reset`, { method: 'POST' })
  })

  const use = async (name: string) => {
    if (auth) auth.use(name)
    else await fetch(`${origin}/__mock-auth/scenario`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) })
  }
  const chooseAccount = async (provider: string, account: string) => {
    if (auth) auth.chooseAccount(provider, account)
    else {
      const res = await fetch(`${origin}/__mock-auth/providers/next-account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider, account }) })
      if (!res.ok) throw new Error(`next-account: ${res.status} ${await res.text()}`)
    }
  }
  describe(`${s.clientModule} against ${s.transport === 'msw' ? 'the MSW handlers' : 'mock-auth serve'} (dialect ${s.dialect})`, () => {
    const target = (): NextAuthTarget => ({
      origin,
      client: () => client,
      cookies: () => cookies,
      sessionCookie: s.sessionCookie,
      use,
      decode: (token) => decode({ token, secret: SECRET, ...(s.salted ? { salt: s.sessionCookie } : {}) }),
      badCredentials: s.badCredentials,
      serverError: s.serverError,
      mailbox: async () => (auth ? auth.mailbox() : ((await (await fetch(`${origin}/__mock-auth/mailbox`)).json()) as Mail[])),
      chooseAccount,
    })
    nextAuthCases(target)
    nextAuthSocialCases(target, s.oauth)
  })
}

export const V4: Omit<RealClientSuite, 'transport'> = {
  dialect: 'next-auth',
  clientModule: 'next-auth/react',
  jwtModule: 'next-auth/jwt',
  sessionCookie: 'next-auth.session-token',
  salted: false,
  badCredentials: { error: 'CredentialsSignin', status: 401, ok: false },
  serverError: 'The auth server failed (simulated).',
  oauth: {
    googleType: 'oauth',
    denied: '/api/auth/error?error=Callback',
    providerError: '/api/auth/error?error=OAuthCallback',
    unverified: '/api/auth/error?error=AccessDenied',
    missingCsrf: '/api/auth/signin?csrf=true',
  },
}

export const V5: Omit<RealClientSuite, 'transport'> = {
  dialect: 'authjs',
  clientModule: 'next-auth-v5/react',
  jwtModule: 'next-auth-v5/jwt',
  sessionCookie: 'authjs.session-token',
  salted: true,
  badCredentials: { error: 'CredentialsSignin', code: 'credentials', status: 200, ok: true },
  serverError: 'Configuration',
  oauth: {
    googleType: 'oidc',
    denied: '/api/auth/signin?error=OAuthCallbackError',
    providerError: '/api/auth/error?error=Configuration',
    unverified: '/api/auth/error?error=AccessDenied',
    missingCsrf: '/api/auth/signin?error=MissingCSRF',
  },
}
