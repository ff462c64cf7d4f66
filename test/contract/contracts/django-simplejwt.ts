import { expect } from 'vitest'
import { send } from '../client.js'
import type { Transport } from '../transport.js'
import { JWT, verifyWithJwks, type ContractCase } from './support.js'

const TEST = { username: 'test', password: 'test' }
const INVALID = { detail: 'Token is invalid', code: 'token_not_valid' }

async function pair(t: Transport): Promise<{ access: string; refresh: string }> {
  const res = await send(t, 'POST', '/api/token/', { json: TEST })
  expect(res.status).toBe(200)
  return res.body as { access: string; refresh: string }
}

/** Django REST framework SimpleJWT: /api/token/ and friends, errors as {detail, code}. */
export const djangoSimpleJwtCases: ContractCase[] = [
  {
    name: 'POST /api/token/ answers {refresh, access}; the access token carries token_type and user_id',
    async run({ t, see }) {
      const res = see('obtain', await send(t, 'POST', '/api/token/', { json: TEST }))
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ refresh: expect.any(String), access: expect.stringMatching(JWT) })
      expect(res.cookies).toEqual([])
      const claims = await verifyWithJwks(t, (res.body as { access: string }).access)
      expect(claims).toMatchObject({ token_type: 'access', user_id: 'user123', sub: 'user123' })
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300)
      const bad = see('obtain bad', await send(t, 'POST', '/api/token/', { json: { ...TEST, password: 'nope' } }))
      expect([bad.status, bad.body]).toEqual([401, { detail: 'No active account found with the given credentials' }])
    },
  },
  {
    name: 'POST /api/token/refresh/ rotates; a blacklisted (reused) refresh token gets {detail, code: token_not_valid}',
    async run({ t, see }) {
      const first = await pair(t)
      const res = see('refresh', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: first.refresh } }))
      expect(res.status).toBe(200)
      const next = res.body as { access: string; refresh: string }
      expect(next).toEqual({ access: expect.stringMatching(JWT), refresh: expect.any(String) })
      expect(next.refresh).not.toBe(first.refresh)
      const reused = see('refresh reused', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: first.refresh } }))
      expect([reused.status, reused.body]).toEqual([401, { detail: 'Token is blacklisted', code: 'token_not_valid' }])
      // Reuse revoked the family: the newest refresh token is dead too.
      expect(see('refresh after reuse', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: next.refresh } })).body).toEqual(INVALID)
      expect(see('refresh garbage', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: 'nope' } })).body).toEqual(INVALID)
    },
  },
  {
    name: 'POST /api/token/verify/: {} for a live token, token_not_valid otherwise, 400 without one',
    async run({ t, see }) {
      const { access } = await pair(t)
      const ok = see('verify', await send(t, 'POST', '/api/token/verify/', { json: { token: access } }))
      expect([ok.status, ok.body]).toEqual([200, {}])
      const bad = see('verify garbage', await send(t, 'POST', '/api/token/verify/', { json: { token: 'not.a.jwt' } }))
      expect([bad.status, bad.body]).toEqual([401, INVALID])
      const none = see('verify none', await send(t, 'POST', '/api/token/verify/', { json: {} }))
      expect([none.status, none.body]).toEqual([400, { token: ['This field is required.'] }])
      await t.control.advance('6m')
      const expired = see('verify expired', await send(t, 'POST', '/api/token/verify/', { json: { token: access } }))
      expect([expired.status, expired.body]).toEqual([401, { detail: 'Token is expired', code: 'token_not_valid' }])
    },
  },
  {
    name: 'POST /api/token/blacklist/ ends the session: its refresh and access tokens stop working',
    async run({ t, see }) {
      const { access, refresh } = await pair(t)
      const out = see('blacklist', await send(t, 'POST', '/api/token/blacklist/', { json: { refresh } }))
      expect([out.status, out.body]).toEqual([200, {}])
      expect(see('refresh blacklisted', await send(t, 'POST', '/api/token/refresh/', { json: { refresh } })).body).toEqual(INVALID)
      expect(see('verify after blacklist', await send(t, 'POST', '/api/token/verify/', { json: { token: access } })).body).toEqual(INVALID)
    },
  },
  {
    name: 'scenarios apply unchanged: expired, refresh-expired, server-error; paths match with or without the slash',
    async run({ t, see }) {
      await t.control.use('expired')
      const s = await pair(t)
      expect(see('expired verify', await send(t, 'POST', '/api/token/verify/', { json: { token: s.access } })).body).toEqual({ detail: 'Token is expired', code: 'token_not_valid' })
      const refreshed = see('expired refresh', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: s.refresh } }))
      expect(refreshed.status).toBe(200)
      await t.control.use('refresh-expired')
      const r = await pair(t)
      expect(see('refresh-expired', await send(t, 'POST', '/api/token/refresh/', { json: { refresh: r.refresh } })).body).toEqual({ detail: 'Token is expired', code: 'token_not_valid' })
      await t.control.use('server-error')
      const failed = see('server-error', await send(t, 'POST', '/api/token/', { json: TEST }))
      expect([failed.status, failed.body]).toEqual([500, { detail: 'The auth server failed (simulated).' }])
      await t.control.use('default')
      expect(see('no slash', await send(t, 'POST', '/api/token', { json: TEST })).status).toBe(200)
    },
  },
]
