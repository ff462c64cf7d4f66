import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'
import { captureIo } from './helpers.js'

/** Runs `serve` with `args` until `body` is done; the banner is on stderr with JSON logs. */
async function serving(args: string[], body: (url: string) => Promise<void>) {
  const controller = new AbortController()
  const io = captureIo(controller.signal)
  const done = main(['serve', '--port', '0', ...args], io)
  await expect.poll(() => io.out() + io.err(), { timeout: 20_000 }).toMatch(/listening on|mock-auth:/)
  const url = /listening on (http:\/\/\S+)/.exec(io.out() + io.err())?.[1] as string
  try {
    await body(url)
  } finally {
    controller.abort()
  }
  return { code: await done, io }
}

describe('serve --log-format json', () => {
  it('prints each request as its journal entry, one JSON line; control calls in the same shape', async () => {
    let journal: unknown[] = []
    const { code, io } = await serving(['--log-format', 'json', '--journal-size', '50'], async (url) => {
      await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"nope"}' })
      await fetch(`${url}/__mock-auth/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"operation":"session","error":"network-error"}' })
      await fetch(`${url}/api/auth/session`).catch(() => undefined)
      journal = ((await (await fetch(`${url}/__mock-auth/journal`)).json()) as { entries: unknown[] }).entries
    })
    expect(code).toBe(0)
    expect(io.err()).toContain('mock-auth listening on')
    const lines = io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    // The journal's entries are printed exactly as GET /__mock-auth/journal shows them.
    expect(lines.filter((l) => l.seq !== null)).toEqual(journal)
    expect(journal).toMatchObject([
      { seq: 1, method: 'POST', path: '/api/auth/login', operation: 'signIn', status: 401, error: 'invalid_credentials', scenario: 'default', user: null },
      { seq: 2, method: 'GET', path: '/api/auth/session', operation: 'session', status: 0, error: 'network-error' },
    ])
    const control = lines.filter((l) => l.seq === null)
    expect(control.map((l) => [l.method, l.path, l.status])).toEqual([['POST', '/__mock-auth/fail-next', 200], ['GET', '/__mock-auth/journal', 200]])
    for (const line of lines) expect(Object.keys(line)).toEqual(['seq', 'at', 'method', 'path', 'operation', 'status', 'error', 'scenario', 'user', 'durationMs'])
    // Starting serve loads Express: on a loaded machine that alone can take seconds.
  }, 40_000)

  it('refuses another format and a bad journal size', async () => {
    const io = captureIo()
    expect(await main(['serve', '--log-format', 'xml'], io)).toBe(2)
    expect(io.err()).toMatch(/^mock-auth: .*log-format/)
    const size = captureIo()
    expect(await main(['serve', '--port', '0', '--journal-size', '-3'], size)).not.toBe(0)
    expect(size.err()).toMatch(/journal/i)
  })
})
