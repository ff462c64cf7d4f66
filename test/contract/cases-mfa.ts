import { expect } from 'vitest'
import { DEFAULT_USERS, totpCode, type UserInput } from '../../src/core/index.js'
import { BASE, cookieValue, send } from './client.js'
import { expectError, type ContractCase } from './expect-error.js'

export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP'
/** The default users plus one with a TOTP secret and one whose email is not verified. */
export const FLOW_USERS: readonly UserInput[] = [
  ...DEFAULT_USERS,
  { id: 'otp1', username: 'otp', email: 'otp@example.com', password: 'otp', mfa: { totp: TOTP_SECRET } },
  { id: 'new1', username: 'new', email: 'new@example.com', password: 'new', emailVerified: false },
]

const login = (username: string, password = username) => ({ json: { username, password } })
/** A six-digit code that is not the current one (nor one step either side). */
async function wrongCode(): Promise<string> {
  const near = await Promise.all([-30_000, 0, 30_000].map((d) => totpCode(TOTP_SECRET, Date.now() + d)))
  return ['123456', '654321', '111111', '222222'].find((c) => !near.includes(c))!
}

/** MFA: the challenge answer, `POST /mfa/verify`, wrong codes, expiry, the `mfa` scenario. */
export const mfaCases: ContractCase[] = [
  {
    name: 'a TOTP user gets an MFA challenge without cookies; the current code signs in',
    async run({ make, see }) {
      const t = await make({ users: FLOW_USERS })
      const first = see('mfa challenge', await send(t, 'POST', `${BASE}/login`, login('otp')))
      expect(first.status).toBe(200)
      expect(first.cookies).toEqual([])
      const body = first.body as { challengeId: string; expiresAt: string }
      expect(body).toEqual({ mfaRequired: true, challengeId: expect.stringMatching(/^[\w-]{32}$/), methods: ['totp'], expiresAt: expect.stringMatching(/^\d{4}-/) })
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000)
      const ok = see('mfa verify', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId: body.challengeId, code: await totpCode(TOTP_SECRET, Date.now()) } }))
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({ message: 'Authenticated', user: { id: 'otp1', username: 'otp' }, tokenType: 'Bearer' })
      expect(JSON.stringify(ok.body)).not.toContain(TOTP_SECRET)
      const access = cookieValue(ok, 'session')!
      expect((await send(t, 'GET', `${BASE}/me`, { bearer: access })).status).toBe(200)
      // The challenge is used up: the same code cannot be replayed against it.
      expectError(see('mfa replay', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId: body.challengeId, code: '000000' } })), 401, 'mfa_challenge_expired')
    },
  },
  {
    name: 'wrong MFA codes answer 401 invalid_mfa_code; after five the challenge is gone',
    async run({ make, see }) {
      const t = await make({ users: FLOW_USERS })
      const { challengeId } = (await send(t, 'POST', `${BASE}/login`, login('otp'))).body as { challengeId: string }
      const wrong = await wrongCode()
      for (let i = 1; i <= 5; i++) {
        const res = see(`wrong ${i}`, await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code: wrong } }))
        expectError(res, 401, 'invalid_mfa_code')
        expect(res.body).toMatchObject({ attemptsLeft: 5 - i })
        expect(res.cookies).toEqual([])
      }
      const late = see('right after five', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code: await totpCode(TOTP_SECRET, Date.now()) } }))
      expectError(late, 401, 'mfa_challenge_expired')
      expectError(see('unknown challenge', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId: 'nope', code: '123456' } })), 401, 'mfa_challenge_expired')
      expectError(see('missing code', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId } })), 400, 'invalid_request')
    },
  },
  {
    name: 'an MFA challenge expires after 5 minutes of engine clock',
    async run({ make, see }) {
      const t = await make({ users: FLOW_USERS })
      const { challengeId } = (await send(t, 'POST', `${BASE}/login`, login('otp'))).body as { challengeId: string }
      await t.control.advance('5m')
      const code = await totpCode(TOTP_SECRET, Date.now() + 5 * 60_000)
      expectError(see('expired challenge', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code } })), 401, 'mfa_challenge_expired')
    },
  },
  {
    name: 'scenario mfa: every user is challenged and 000000 answers; respond.mfaVerify is data too',
    async run({ t, see }) {
      await t.control.use('mfa')
      const res = see('mfa scenario challenge', await send(t, 'POST', `${BASE}/login`, login('test')))
      expect(res.body).toMatchObject({ mfaRequired: true, methods: ['totp'] })
      const { challengeId } = res.body as { challengeId: string }
      expectError(see('mfa scenario wrong', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code: '000001' } })), 401, 'invalid_mfa_code')
      const ok = see('mfa scenario ok', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code: '000000' } }))
      expect(ok.body).toMatchObject({ message: 'Authenticated', user: { id: 'user123' } })
      expect(ok.cookies).toHaveLength(2)
      await t.control.use('server-error')
      expectError(see('server-error mfa verify', await send(t, 'POST', `${BASE}/mfa/verify`, { json: { challengeId, code: '000000' } })), 500, 'server_error')
    },
  },
]
