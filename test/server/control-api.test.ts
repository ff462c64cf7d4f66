import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine, defineScenario, type AuthResult } from '../../src/core/index.js'
import { handleControl } from '../../src/server/control-api.js'
import { restDialect } from '../../src/dialects/index.js'

const custom = defineScenario({ name: 'my-case', description: 'A custom case.' })
const engine = () => createEngine({ dialect: restDialect, scenarios: [...builtinScenarios, custom] })

function req(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers)
  let body: string | null = null
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Request(`http://localhost${path}`, { method, headers, body })
}

async function call(e: ReturnType<typeof engine>, method: string, path: string, init?: Parameters<typeof req>[2]): Promise<AuthResult & { json: any }> {
  const result = await handleControl(e, req(method, path, init))
  if (!result) throw new Error(`not a control route: ${path}`)
  return { ...result, json: result.body === null ? null : JSON.parse(result.body) }
}

describe('control API (no port)', () => {
  it('ignores requests outside /__mock-auth', async () => {
    expect(await handleControl(engine(), req('GET', '/api/auth/session'))).toBeNull()
    expect(await handleControl(engine(), req('GET', '/__mock-authx/health'))).toBeNull()
  })

  it('mailbox: this namespace\'s mails newest last, ?to= filters, reset empties it', async () => {
    const e = engine()
    const mail = (to: string) => ({ to, subject: 's', text: 't', link: 'http://x/?token=t', token: 't', kind: 'magic-link' as const, at: new Date(0).toISOString() })
    e.namespace().account.mailbox.send(mail('ann@example.com'))
    e.namespace().account.mailbox.send(mail('bob@example.com'))
    e.namespace('other').account.mailbox.send(mail('eve@example.com'))
    expect((await call(e, 'GET', '/__mock-auth/mailbox')).json.map((m: { to: string }) => m.to)).toEqual(['ann@example.com', 'bob@example.com'])
    expect((await call(e, 'GET', '/__mock-auth/mailbox?to=BOB%40example.com')).json).toEqual([{ id: 'mail-2', ...mail('bob@example.com') }])
    expect((await call(e, 'GET', '/__mock-auth/mailbox', { headers: { 'x-mock-auth-namespace': 'other' } })).json).toHaveLength(1)
    await call(e, 'POST', '/__mock-auth/reset')
    expect((await call(e, 'GET', '/__mock-auth/mailbox')).json).toEqual([])
    expect((await call(e, 'DELETE', '/__mock-auth/mailbox')).status).toBe(405)
  })

  it('health, scenarios and the current scenario', async () => {
    const e = engine()
    const health = await call(e, 'GET', '/__mock-auth/health')
    expect(health.status).toBe(200)
    expect(health.json).toEqual({ status: 'ok' })
    expect(health.headers['cache-control']).toBe('no-store')
    const list = await call(e, 'GET', '/__mock-auth/scenarios')
    expect(list.json.map((s: { name: string }) => s.name)).toEqual([...builtinScenarios.map((s) => s.name), 'my-case'])
    expect(list.json[0]).toEqual({ name: 'default', description: builtinScenarios[0]?.description })
    expect((await call(e, 'GET', '/__mock-auth/scenario')).json.name).toBe('default')
  })

  it('switches scenario per namespace and refuses unknown names listing the known ones', async () => {
    const e = engine()
    const put = await call(e, 'PUT', '/__mock-auth/scenario', { body: { name: 'expired' }, headers: { 'x-mock-auth-namespace': 'a' } })
    expect(put.status).toBe(200)
    expect(put.json).toEqual({ name: 'expired', description: expect.stringContaining('expired') })
    expect(e.namespace('a').scenario.name).toBe('expired')
    expect(e.namespace().scenario.name).toBe('default')
    const byCookie = await call(e, 'GET', '/__mock-auth/scenario', { headers: { cookie: 'mock-auth-namespace=a' } })
    expect(byCookie.json.name).toBe('expired')
    const unknown = await call(e, 'PUT', '/__mock-auth/scenario', { body: { name: 'nope' } })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error).toBe('unknown_scenario')
    expect(unknown.json.message).toContain('Known scenarios: default, bad-credentials')
    expect(unknown.json.scenarios).toContain('my-case')
    const missing = await call(e, 'PUT', '/__mock-auth/scenario', { body: {} })
    expect(missing.status).toBe(400)
    expect(missing.json.error).toBe('invalid_request')
  })

  it('moves and sets the clock, rejecting bad values with 400', async () => {
    const e = engine()
    const set = await call(e, 'POST', '/__mock-auth/clock', { body: { set: '2030-01-01T00:00:00Z' } })
    expect(set.status).toBe(200)
    expect(set.json.now).toMatch(/^2030-01-01T00:00:0\d/)
    const advanced = await call(e, 'POST', '/__mock-auth/clock', { body: { advance: '1d' } })
    expect(advanced.json.now).toMatch(/^2030-01-02T00:00:0\d/)
    expect((await call(e, 'GET', '/__mock-auth/clock')).json.now).toMatch(/^2030-01-02/)
    for (const body of [{ advance: 'soon' }, { set: 'not a date' }, {}, { advance: '1m', set: '2030-01-01' }, { advance: true }]) {
      const bad = await call(e, 'POST', '/__mock-auth/clock', { body })
      expect(bad.status, JSON.stringify(body)).toBe(400)
      expect(bad.json.error).toBe('invalid_request')
      expect(bad.json.message).toMatch(/advance|set|duration|date/i)
    }
  })

  it('mints tokens like sign-in, with cookies, and lists users when the user is unknown', async () => {
    const e = engine()
    const minted = await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test', ttl: '1h' } })
    expect(minted.status).toBe(200)
    expect(minted.json).toMatchObject({ message: 'Authenticated', tokenType: 'Bearer', expiresIn: 3600, user: { id: 'user123' } })
    expect(minted.cookies.map((c) => c.split('=')[0])).toEqual(['session', 'refresh_token'])
    const me = await e.fetch(new Request('http://localhost/api/auth/me', { headers: { authorization: `Bearer ${minted.json.accessToken}` } }))
    expect(me?.status).toBe(200)
    const expired = await call(e, 'POST', '/__mock-auth/token', { body: { user: 'admin', expired: true } })
    const me2 = await e.fetch(new Request('http://localhost/api/auth/me', { headers: { authorization: `Bearer ${expired.json.accessToken}` } }))
    expect(JSON.parse(me2?.body ?? '{}').error).toBe('token_expired')
    const unknown = await call(e, 'POST', '/__mock-auth/token', { body: { user: 'ghost' } })
    expect(unknown.status).toBe(400)
    expect(unknown.json).toMatchObject({ error: 'invalid_request', message: 'Unknown user "ghost". Known users: test, admin.' })
    expect((await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test', ttl: 'forever' } })).status).toBe(400)
    expect((await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test', expired: 'yes' } })).status).toBe(400)
  })

  it('mints into the namespace it names and ignores the scenario', async () => {
    const e = engine()
    e.namespace('b').use('server-error')
    const minted = await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test' }, headers: { 'x-mock-auth-namespace': 'b' } })
    expect(minted.status).toBe(200)
    expect(e.namespace('b').summary().sessions).toHaveLength(1)
    expect(e.namespace().summary().sessions).toHaveLength(0)
  })

  it('reports state and resets a namespace to its start', async () => {
    const e = engine()
    await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test' } })
    await call(e, 'PUT', '/__mock-auth/scenario', { body: { name: 'locked' } })
    const state = await call(e, 'GET', '/__mock-auth/state')
    expect(state.json).toMatchObject({ namespace: 'default', scenario: 'locked', sessions: [{ userId: 'user123' }] })
    expect(state.json.users.map((u: { username: string }) => u.username)).toEqual(['test', 'admin'])
    expect(JSON.stringify(state.json)).not.toContain('password')
    const reset = await call(e, 'POST', '/__mock-auth/reset')
    expect(reset.status).toBe(200)
    expect(reset.json).toEqual({ status: 'reset', namespace: 'default', scenario: 'default' })
    const after = await call(e, 'GET', '/__mock-auth/state')
    expect(after.json).toMatchObject({ scenario: 'default', sessions: [] })
  })

  it('answers 405 with Allow, 404 for unknown control paths, 400/415 for bad bodies', async () => {
    const e = engine()
    const wrong = await call(e, 'DELETE', '/__mock-auth/scenario')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('GET, HEAD, PUT, OPTIONS')
    expect(wrong.json.error).toBe('method_not_allowed')
    expect((await call(e, 'GET', '/__mock-auth/reset')).headers.allow).toBe('POST, OPTIONS')
    const missing = await call(e, 'GET', '/__mock-auth/nope')
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ error: 'not_found', message: expect.stringContaining('/__mock-auth/health') })
    // The bare prefix is the dashboard page (issue 14), HTML that no other site may frame.
    const page = await handleControl(e, req('GET', '/__mock-auth'))
    expect([page?.status, page?.headers['content-type'], page?.headers['x-frame-options']]).toEqual([200, 'text/html; charset=utf-8', 'DENY'])
    const badJson = await call(e, 'PUT', '/__mock-auth/scenario', { body: '{"name":' })
    expect(badJson.status).toBe(400)
    expect(badJson.json.error).toBe('invalid_request')
    const wrongType = await call(e, 'PUT', '/__mock-auth/scenario', { body: 'name=expired', headers: { 'content-type': 'text/plain' } })
    expect(wrongType.status).toBe(415)
    const proto = await call(e, 'PUT', '/__mock-auth/scenario', { body: '{"__proto__":{"name":"expired"}}' })
    expect(proto.status).toBe(400)
    expect(({} as Record<string, unknown>).name).toBeUndefined()
    const huge = await call(e, 'POST', '/__mock-auth/token', { body: JSON.stringify({ user: 'x'.repeat(200 * 1024) }) })
    expect(huge.status).toBe(413)
    expect(huge.json.error).toBe('payload_too_large')
  })

  it('is never affected by the scenario, even a per-request override', async () => {
    const e = engine()
    e.namespace().use('network-error')
    const health = await call(e, 'GET', '/__mock-auth/health', { headers: { 'x-mock-auth-scenario': 'server-error' } })
    expect(health.status).toBe(200)
    expect(health.networkError).toBeUndefined()
    expect(health.delayMs).toBeUndefined()
  })

  it('answers HEAD on every GET control route as GET, without the body', async () => {
    const e = engine()
    for (const path of ['/__mock-auth/health', '/__mock-auth/scenarios', '/__mock-auth/scenario', '/__mock-auth/clock', '/__mock-auth/state', '/__mock-auth/mailbox']) {
      const get = await call(e, 'GET', path)
      const head = await call(e, 'HEAD', path)
      expect(head.status, path).toBe(200)
      expect(head.body).toBeNull()
      expect(head.headers['content-type']).toBe('application/json')
      expect(Number(head.headers['content-length'])).toBeGreaterThan(1)
      expect(get.headers.allow ?? '').toBe('')
    }
    const wrong = await call(e, 'HEAD', '/__mock-auth/reset')
    expect([wrong.status, wrong.headers.allow, wrong.body]).toEqual([405, 'POST, OPTIONS', null])
    expect((await call(e, 'OPTIONS', '/__mock-auth/clock')).headers.allow).toBe('GET, HEAD, POST, OPTIONS')
  })

  it('sets the clock only to real ISO 8601 dates; a bare number is refused for set and is seconds for advance', async () => {
    const e = engine()
    for (const set of ['2030-02-30', '1', '2030-13-01', '2030-01-01T24:00:00Z', '2030-01-01T10:60Z', '2031-02-29', 'tomorrow', '2030-1-1', '2030-01-01T00:00:00+25:00', 1_900_000_000_000, 1.9e9]) {
      const bad = await call(e, 'POST', '/__mock-auth/clock', { body: { set } })
      expect(bad.status, String(set)).toBe(400)
      expect(bad.json.error).toBe('invalid_request')
    }
    for (const [set, now] of [
      ['2032-02-29', '2032-02-29T00:00:00.000Z'],
      ['2030-01-01T09:30Z', '2030-01-01T09:30:00.000Z'],
      ['2030-01-01T09:30:00', '2030-01-01T09:30:00.000Z'],
      ['2030-01-01T09:30:00.250+02:00', '2030-01-01T07:30:00.250Z'],
      ['2030-06-15 12:00:00-0530', '2030-06-15T17:30:00.000Z'],
    ] as const) {
      const ok = await call(e, 'POST', '/__mock-auth/clock', { body: { set } })
      expect(ok.status, set).toBe(200)
      expect(Date.parse(ok.json.now) - Date.parse(now)).toBeLessThan(2_000)
      expect(Date.parse(ok.json.now) - Date.parse(now)).toBeGreaterThanOrEqual(0)
    }
    await call(e, 'POST', '/__mock-auth/clock', { body: { set: '2030-01-01T00:00:00Z' } })
    const advanced = await call(e, 'POST', '/__mock-auth/clock', { body: { advance: 90 } })
    expect(advanced.json.now).toMatch(/^2030-01-01T00:01:3\d/)
  })

  it('pages GET /__mock-auth/state with ?limit and ?offset and reports totals', async () => {
    const e = engine()
    for (let i = 0; i < 5; i++) await call(e, 'POST', '/__mock-auth/token', { body: { user: 'test' } })
    const page = await call(e, 'GET', '/__mock-auth/state?limit=2&offset=1')
    expect(page.json).toMatchObject({ totals: { users: 2, sessions: 5 }, limit: 2, offset: 1, nextOffset: 3 })
    expect(page.json.sessions).toHaveLength(2)
    expect(page.json.users.map((u: { username: string }) => u.username)).toEqual(['admin'])
    const whole = await call(e, 'GET', '/__mock-auth/state')
    expect(whole.json).toMatchObject({ limit: 100, offset: 0, nextOffset: null })
    expect(whole.json.sessions).toHaveLength(5)
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'offset=-1', 'offset=1e3', 'limit=']) {
      const bad = await call(e, 'GET', `/__mock-auth/state?${query}`)
      expect(bad.status, query).toBe(400)
      expect(bad.json).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/limit|offset/) })
    }
  })
})
