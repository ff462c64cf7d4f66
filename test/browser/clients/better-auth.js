// A page on better-auth's real, unmodified client (`better-auth/client`), bundled by Vite at test
// time. It knows nothing of mock-auth: /api/auth on its own origin is whatever answers there.
import { createAuthClient } from 'better-auth/client'

const auth = createAuthClient({ baseURL: location.origin })

/** What the page does with this client (see page-ui.js). */
export const actions = {
  async session() {
    const { data, error } = await auth.getSession()
    if (error) throw new Error(`${error.status} ${error.code ?? error.message ?? ''}`)
    return data?.user.email
  },
  async signIn(email, password) {
    const { error } = await auth.signIn.email({ email, password })
    return error ? `${error.status} ${error.code ?? error.message ?? ''}` : undefined
  },
  /** `signIn.social`: `{ url, redirect: true }`, and the client's redirect plugin navigates there. */
  async google() {
    await auth.signIn.social({ provider: 'google', callbackURL: location.href, errorCallbackURL: location.href })
  },
  async signOut() {
    await auth.signOut()
  },
}
