import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mswTarget, serveTarget, type StartedTarget } from '../providers/targets.js'
import { nextAuthV4GoogleSignIn } from './next-auth-v4-flow.js'

for (const [name, start] of [['serve', serveTarget], ['MSW handlers', mswTarget]] as const) {
  describe(`next-auth v4's Google provider with a wellKnown override (${name})`, () => {
    let target: StartedTarget
    beforeAll(async () => {
      target = await start()
    })
    afterAll(() => target.stop())

    it('signs in through the chooser: PKCE, state and the id_token signature checked by next-auth itself', async () => {
      const result = await nextAuthV4GoogleSignIn(target.origin, async (url) => {
        const chooser = await target.fetch(url, { redirect: 'manual' })
        expect(chooser.status).toBe(200)
        expect(await chooser.text()).toContain('test@example.com')
        url.searchParams.set('login_hint', 'test@example.com')
        return target.fetch(url, { redirect: 'manual' })
      })
      expect(result.user).toMatchObject({ email: 'test@example.com', name: 'Test User', image: 'https://mock-auth.invalid/avatars/test.png' })
    })

    it('Deny reaches next-auth as error=access_denied, which v4 reports as its error page`s Callback error', async () => {
      const result = await nextAuthV4GoogleSignIn(target.origin, async (url) => {
        url.searchParams.set('mock_auth_decision', 'deny')
        return target.fetch(url, { redirect: 'manual' })
      })
      expect(result.error).toBe('Callback')
    })
  })
}
