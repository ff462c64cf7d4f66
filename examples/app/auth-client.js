// The app's whole auth client: relative /api/auth URLs and `credentials: 'include'`, so the same code
// works against `mock-auth serve` behind a proxy, an MSW service worker, or Playwright's context.route.
// The session lives in HttpOnly cookies; this code never sees a token.

/**
 * `onRequest` hears every request (method, path, status, error code), for the on-page log.
 */
export function createAuthClient({ base = '/api/auth', onRequest = () => {} } = {}) {
  const report = onRequest

  async function call(method, path, body) {
    const init = { method, credentials: 'include', headers: { accept: 'application/json' } }
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json'
      init.body = JSON.stringify(body)
    }
    let response
    try {
      response = await fetch(`${base}${path}`, init)
    } catch (error) {
      report({ method, path, status: 0, error: 'network_error' })
      return { status: 0, ok: false, body: { error: 'network_error', message: `The auth server did not answer (${error.message}).` } }
    }
    const text = await response.text()
    let parsed = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = { error: 'bad_response', message: 'The auth server answered with something that is not JSON.' }
    }
    report({ method, path, status: response.status, error: response.ok ? undefined : parsed?.error })
    return { status: response.status, ok: response.ok, body: parsed }
  }

  const signIn = (username, password) => call('POST', '/login', { username, password })
  const signOut = () => call('POST', '/logout')
  // The flows around sign-in (docs/mfa-and-mail.md): each mail's link comes back to `redirectTo`.
  const verifyMfa = (challengeId, code) => call('POST', '/mfa/verify', { challengeId, code })
  const forgotPassword = (email, redirectTo) => call('POST', '/forgot-password', { email, redirectTo })
  const resetPassword = (token, password) => call('POST', '/reset-password', { token, password })
  const requestMagicLink = (email, redirectTo) => call('POST', '/magic-link', { email, redirectTo })

  /**
   * A protected call: on 401 `token_expired` (the access token in the session cookie ran out) it asks
   * /refresh for a new one, from the HttpOnly refresh_token cookie, and retries once. When refresh
   * fails too, the result says `sessionExpired` so the caller can send the user back to sign-in.
   */
  async function authorized(method, path) {
    const first = await call(method, path)
    if (first.status !== 401 || first.body?.error !== 'token_expired') return first
    const refreshed = await call('POST', '/refresh')
    if (!refreshed.ok) return { ...refreshed, sessionExpired: true }
    return call(method, path)
  }

  return {
    signIn,
    signOut,
    verifyMfa,
    forgotPassword,
    resetPassword,
    requestMagicLink,
    getSession: () => authorized('GET', '/session'),
    getMe: () => authorized('GET', '/me'),
  }
}
