import { afterAll, beforeAll, describe, it } from 'vitest'
import { openIdClientFlow } from './openid-client-flow.js'
import { mswTarget, serveTarget, type StartedTarget } from './targets.js'

for (const [name, start] of [['serve', serveTarget], ['MSW handlers', mswTarget]] as const) {
  describe(`openid-client 6 against ${name}`, () => {
    let target: StartedTarget
    beforeAll(async () => {
      target = await start()
    })
    afterAll(() => target.stop())

    it('discovery, PKCE + state + nonce, the authorize step, code grant, refresh, userinfo, end-session', async () => {
      await openIdClientFlow(target, { loginHint: 'admin@example.com', expectedSub: '100000000000000000002' })
    })

    it('the account picked for the next authorization is used without login_hint', async () => {
      await target.chooseAccount('google', 'admin@example.com')
      await openIdClientFlow(target, { expectedSub: '100000000000000000002' })
    })
  })
}
