import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bearer, send, signIn } from './support/client.js'
import { advanceClock, stateOf, useScenario } from './support/control.js'
import type { Reply, Target } from './support/target.js'
import { TARGETS } from './support/targets.js'

const RACERS = 20
const NAMESPACES = 50

const errorOf = (reply: Reply) => (reply.json as { error?: string } | undefined)?.error

describe.each(TARGETS)('concurrency on $name', (factory) => {
  let target: Target
  beforeEach(async () => {
    target = await factory.create()
  })
  afterEach(() => target.close())

  /**
   * RFC 9700 §4.14.2 with no grace window: the first exchange wins; the next one is reuse and
   * revokes the family (the winner's new tokens included); the rest then present a token that no
   * longer exists: `invalid_refresh_token`.
   */
  it.each(['body', 'cookie'] as const)(`one refresh token raced ${RACERS} times (in the %s) succeeds exactly once`, async (carrier) => {
    const bystander = await signIn(target)
    const victim = await signIn(target)
    const init = carrier === 'body' ? { body: { refreshToken: victim.refreshToken } } : { headers: { cookie: `refresh_token=${victim.refreshToken}` } }
    const replies = await Promise.all(Array.from({ length: RACERS }, () => send(target, 'POST', '/api/auth/refresh', init)))

    const winners = replies.filter((r) => r.status === 200)
    const losers = replies.filter((r) => r.status !== 200)
    expect(winners).toHaveLength(1)
    expect(losers.map(errorOf).filter((e) => e === 'refresh_token_reused')).toHaveLength(1)
    expect(losers.map(errorOf).filter((e) => e === 'invalid_refresh_token')).toHaveLength(RACERS - 2)
    for (const loser of losers) {
      expect(loser.status).toBe(401)
      expect(loser.headers['www-authenticate']).toMatch(/^Bearer realm="mock-auth", error="invalid_token"/)
    }

    // The family is revoked: every token of the victim's session is dead, the winner's included.
    const won = winners[0]?.json as { accessToken: string; refreshToken: string }
    for (const token of [victim.accessToken, won.accessToken]) {
      const me = await send(target, 'GET', '/api/auth/me', bearer(token))
      expect(me.status).toBe(401)
      expect(errorOf(me)).toBe('invalid_token')
    }
    const again = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: won.refreshToken } })
    expect(errorOf(again)).toBe('invalid_refresh_token')
    const sessions = (await stateOf(target, 'default')).sessions
    expect(sessions.map((s) => s.id)).toEqual([sessionIdOf(bystander.accessToken)])
    // Another session of the same user is untouched.
    expect((await send(target, 'GET', '/api/auth/me', bearer(bystander.accessToken))).status).toBe(200)
  })

  it(`${NAMESPACES} namespaces running full flows at once show zero cross-talk`, async () => {
    const names = Array.from({ length: NAMESPACES }, (_, i) => `ns-${i}`)
    // Every third namespace runs the `expired` scenario, every fifth has its clock moved on: neither may leak.
    await Promise.all(names.map((ns, i) => (i % 3 === 0 ? useScenario(target, ns, 'expired') : undefined)))
    const flows = await Promise.all(names.map((ns, i) => flow(target, ns, i)))

    for (const [i, ns] of names.entries()) {
      const state = await stateOf(target, ns)
      const mine = flows[i] as FlowResult
      expect(state.namespace).toBe(ns)
      expect(state.scenario).toBe(i % 3 === 0 ? 'expired' : 'default')
      // Exactly this namespace's sessions: the registered user's, minus the signed-out one.
      expect(state.sessions.map((s) => s.id).sort()).toEqual([mine.keptSessionId])
      expect(state.users.map((u) => u.username).sort()).toEqual(['admin', `user-of-${ns}`, 'test'].sort())
    }

    // Tokens of one namespace are refused in every other (checked against a neighbour).
    await Promise.all(
      names.map(async (ns, i) => {
        const other = names[(i + 1) % NAMESPACES] as string
        const mine = flows[i] as FlowResult
        const me = await send(target, 'GET', '/api/auth/me', bearer(mine.keptAccessToken, { 'x-mock-auth-namespace': other }))
        expect(me.status, `${ns} token in ${other}`).toBe(401)
        const refresh = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: mine.keptRefreshToken }, headers: { 'x-mock-auth-namespace': other } })
        expect(errorOf(refresh), `${ns} refresh token in ${other}`).toBe('invalid_refresh_token')
        const home = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: mine.keptRefreshToken }, headers: { 'x-mock-auth-namespace': ns } })
        expect(home.status, `${ns} refresh token at home`).toBe(200)
      }),
    )
  })
})

interface FlowResult {
  keptSessionId: string
  keptAccessToken: string
  keptRefreshToken: string
}

/** Sign in, register, /me, refresh, sign out, clock: the whole contract inside one namespace. */
async function flow(target: Target, ns: string, i: number): Promise<FlowResult> {
  const headers = { 'x-mock-auth-namespace': ns }
  const expiredScenario = i % 3 === 0
  const first = await signIn(target, { namespace: ns })
  const me = await send(target, 'GET', '/api/auth/me', bearer(first.accessToken, headers))
  expect(me.status, `${ns} /me`).toBe(expiredScenario ? 401 : 200)
  if (expiredScenario) expect(errorOf(me)).toBe('token_expired')
  const out = await send(target, 'POST', '/api/auth/logout', bearer(first.accessToken, headers))
  expect(out.json, `${ns} sign-out`).toMatchObject({ revoked: true })

  const registered = await send(target, 'POST', '/api/auth/register', { body: { username: `user-of-${ns}`, password: `pw-${ns}` }, headers })
  expect(registered.status, `${ns} register ${registered.text}`).toBe(201)
  const tokens = registered.json as { accessToken: string; refreshToken: string }
  const refreshed = await send(target, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken }, headers })
  expect(refreshed.status, `${ns} refresh ${refreshed.text}`).toBe(200)
  const next = refreshed.json as { accessToken: string; refreshToken: string; user: { username: string } }
  expect(next.user.username).toBe(`user-of-${ns}`)
  const session = await send(target, 'GET', '/api/auth/session', bearer(next.accessToken, headers))
  expect(session.json, `${ns} session`).toMatchObject({ authenticated: true, user: { username: `user-of-${ns}` } })
  if (i % 5 === 0) {
    await advanceClock(target, ns, '16m')
    const late = await send(target, 'GET', '/api/auth/me', bearer(next.accessToken, headers))
    expect(errorOf(late), `${ns} after its clock moved`).toBe('token_expired')
  }
  return { keptSessionId: sessionIdOf(next.accessToken), keptAccessToken: next.accessToken, keptRefreshToken: next.refreshToken }
}

function sessionIdOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid: string }
  return payload.sid
}
