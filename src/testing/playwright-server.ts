import type { BrowserContext } from '@playwright/test'
import type { SignedIn } from '../../handlers/controls.js'
import { MockAuthError, NAMESPACE_COOKIE, NAMESPACE_HEADER, type ChosenAccount, type JournalEntry, type Mail, type PendingFailure, type PublicUser, type StateSummary } from '../core/kernel.js'
import { addSetCookies } from './context-cookies.js'
import { contextFetch } from './playwright-fetch.js'
import { requireUrl } from './playwright-route.js'
import type { PlaywrightMockAuth, ScenarioInfo, SignInOptions } from './playwright-types.js'

/**
 * Server mode: the app talks to a running `mock-auth serve` at `serverUrl`. This test gets a
 * namespace of its own: every request of its browser context carries the namespace header (and
 * cookie, for requests a page makes without extra headers), and the controls call the server's
 * `/__mock-auth` API in that namespace.
 */
export async function serverMockAuth(context: BrowserContext, serverUrl: string, namespace: string, appUrl: string | undefined): Promise<PlaywrightMockAuth> {
  const base = serverUrl.replace(/\/+$/, '')
  await context.setExtraHTTPHeaders({ [NAMESPACE_HEADER]: namespace })
  const cookieOrigins = new Set([base, ...(appUrl === undefined ? [] : [appUrl])])
  await context.addCookies([...cookieOrigins].map((url) => ({ name: NAMESPACE_COOKIE, value: namespace, url })))

  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ data: T; cookies: string[]; status: number }> => {
    let res: Response
    try {
      res = await fetch(`${base}/__mock-auth${path}`, {
        method,
        headers: { [NAMESPACE_HEADER]: namespace, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (error) {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `Cannot reach mock-auth at ${base} (${String(error)}): start it with \`npx mock-auth serve\` or fix mockAuthUrl.`)
    }
    const text = await res.text()
    const data = text === '' ? undefined : (JSON.parse(text) as unknown)
    // A 404 of a route that exists (DELETE /users/<id> of no such user) is an answer, not a failure.
    if (!res.ok && !(res.status === 404 && (data as { error?: string } | undefined)?.error === 'not_found' && path.startsWith('/users/'))) {
      const err = data as { error?: string; message?: string } | undefined
      const code =
        err?.error === 'unknown_scenario'
          ? 'ERR_UNKNOWN_SCENARIO'
          : err?.error === 'user_exists'
            ? 'ERR_USER_EXISTS'
            : err?.error === 'invalid_request' && (path === '/token' || path === '/providers/next-account')
              ? 'ERR_UNKNOWN_USER'
              : 'ERR_INVALID_OPTIONS'
      throw new MockAuthError(code, `${method} /__mock-auth${path} failed (${res.status}): ${err?.message ?? text}`)
    }
    return { data: data as T, cookies: res.headers.getSetCookie(), status: res.status }
  }
  const clock = async (body?: unknown) => new Date((await call<{ now: string }>(body === undefined ? 'GET' : 'POST', '/clock', body)).data.now)

  return {
    mode: 'server',
    namespace,
    engine: undefined,
    use: async (name) => (await call<ScenarioInfo>('PUT', '/scenario', { name })).data,
    clock: {
      now: () => clock(),
      advance: (by) => clock({ advance: by }),
      // The control API takes ISO dates only; a number here is epoch ms, as `new Date(number)` reads it.
      set: (to) => clock({ set: typeof to === 'string' ? to : new Date(to).toISOString() }),
    },
    reset: async () => void (await call('POST', '/reset')),
    state: async () => (await call<StateSummary>('GET', '/state')).data,
    chooseAccount: async (provider, account) => (await call<ChosenAccount>('POST', '/providers/next-account', { provider, account })).data,
    fetch: contextFetch(context, { mode: 'server', base, namespace }, appUrl),
    mailbox: async (filter = {}) => (await call<Mail[]>('GET', filter.to === undefined ? '/mailbox' : `/mailbox?to=${encodeURIComponent(filter.to)}`)).data,
    async signIn(user: string, options: SignInOptions = {}): Promise<SignedIn> {
      const { url = appUrl, ...mint } = options
      const { data, cookies } = await call<Omit<SignedIn, 'cookies' | 'headers'>>('POST', '/token', { user, ...mint, ...(typeof url === 'string' ? { url } : {}) })
      if (url !== false) await addSetCookies(context, requireUrl(url), cookies)
      return {
        ...data,
        cookies,
        headers: { authorization: `Bearer ${data.accessToken}`, cookie: cookies.map((c) => c.split(';', 1)[0]).join('; ') },
      }
    },
    journal: async ({ since } = {}) => (await call<{ entries: JournalEntry[] }>('GET', `/journal${since === undefined ? '' : `?since=${since}`}`)).data.entries,
    clearJournal: async () => void (await call('DELETE', '/journal')),
    failNext: async (operation, answer, options = {}) =>
      (await call<{ failNext: PendingFailure[] }>('POST', '/fail-next', { operation, ...(answer === 'network-error' ? { error: answer } : answer), ...options })).data.failNext,
    expire: async () => (await call<{ sessions: number }>('POST', '/expire')).data.sessions,
    users: {
      add: async (user) => (await call<{ user: PublicUser }>('POST', '/users', user)).data.user,
      remove: async (id) => (await call('DELETE', `/users/${encodeURIComponent(id)}`)).status === 200,
    },
  }
}
