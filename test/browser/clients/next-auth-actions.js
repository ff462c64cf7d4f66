/**
 * What the page does with next-auth's client functions (`getSession`, `signIn('credentials', {
 * redirect: false })`, `signOut`), the same calls for v4's `next-auth/react` and v5's; no React
 * tree is needed for them.
 */
export function nextAuthActions({ getSession, signIn, signOut }) {
  return {
    async session() {
      const session = await getSession()
      return session?.user?.email ?? undefined
    },
    async signIn(email, password) {
      const result = await signIn('credentials', { redirect: false, email, password, callbackUrl: location.href })
      // v5 adds the `code` of a refused `authorize` (`credentials` for bad credentials).
      return result?.error ? `${result.status} ${result.error}${result.code ? ` (${result.code})` : ''}` : undefined
    },
    /** `signIn('google')`: the client posts to /signin/google and navigates to the provider's URL. */
    async google() {
      await signIn('google', { callbackUrl: location.href })
    },
    async signOut() {
      await signOut({ redirect: false, callbackUrl: location.href })
    },
  }
}
