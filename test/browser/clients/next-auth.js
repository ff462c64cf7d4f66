// A page on next-auth v4's real, unmodified client (`next-auth/react`'s functions; no React tree is
// needed for them), bundled by Vite at test time. It knows nothing of mock-auth.
import { getSession, signIn, signOut } from 'next-auth/react'

/** What the page does with this client (see page-ui.js). */
export const actions = {
  async session() {
    const session = await getSession()
    return session?.user?.email ?? undefined
  },
  async signIn(email, password) {
    const result = await signIn('credentials', { redirect: false, email, password, callbackUrl: location.href })
    return result?.error ? `${result.status} ${result.error}` : undefined
  },
  /** `signIn('google')`: the client posts to /signin/google and navigates to the provider's URL. */
  async google() {
    await signIn('google', { callbackUrl: location.href })
  },
  async signOut() {
    await signOut({ redirect: false, callbackUrl: location.href })
  },
}
