import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authJsGoogleSignIn, chooseAccount } from './authjs-flow.js'
import { mswTarget, serveTarget, type StartedTarget } from './targets.js'

for (const [name, start] of [['serve', serveTarget], ['MSW handlers', mswTarget]] as const) {
  describe(`a real @auth/core Auth() with Google({ issuer }) pointed at the mock (${name})`, () => {
    let target: StartedTarget
    beforeAll(async () => {
      target = await start()
    })
    afterAll(() => target.stop())

    it('signs in through the chooser and builds the profile from the id_token', async () => {
      const session = await authJsGoogleSignIn(target, chooseAccount('admin@example.com'))
      expect(session.user).toMatchObject({ email: 'admin@example.com', name: 'Admin User', image: 'https://mock-auth.invalid/avatars/admin.png' })
    })
  })
}
