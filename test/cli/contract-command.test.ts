import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'
import { captureIo } from './helpers.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-auth-contract-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(...args: string[]) {
  const io = captureIo()
  const code = await main(args, io)
  return { code, out: io.out(), err: io.err() }
}

describe('mock-auth contract check', () => {
  it('validates a shipped example and prints its routes, exit 0', async () => {
    const { code, out, err } = await run('contract', 'check', 'examples/contracts/nextjs-route.json')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toContain('Contract "nextjs-route" (examples/contracts/nextjs-route.json) is valid: 3 routes.')
    expect(out).toContain('Routes:\n  POST    /api/auth  signIn\n  GET     /api/auth  session\n  DELETE  /api/auth  signOut\n')
    expect(out).toContain('Cookies:     session (path /)')
  })

  it('checks every shipped example', async () => {
    for (const file of ['json-server-auth.json', 'django-simplejwt.json']) {
      const { code, out } = await run('contract', 'check', `examples/contracts/${file}`)
      expect(code, file).toBe(0)
      expect(out).toMatch(/is valid: \d+ routes\./)
    }
    const jwt = await run('contract', 'check', 'examples/contracts/django-simplejwt.json')
    expect(jwt.out).toContain('  POST  /api/token/refresh/    refresh')
  })

  it('reads a JS module whose functions stand in for templates', async () => {
    const file = join(dir, 'backend.mjs')
    await writeFile(file, 'export default { name: "js", signIn: { route: "POST /auth/signin", body: (v) => ({ token: v.accessToken }) } }\n')
    const { code, out } = await run('contract', 'check', file)
    expect(code).toBe(0)
    expect(out).toContain('POST  /auth/signin  signIn')
  })

  it('explains an invalid file in one line naming the field and the fix, exit 1', async () => {
    const file = join(dir, 'bad.json')
    await writeFile(file, JSON.stringify({ signIn: { route: 'POST /auth/signin', body: { token: '{{acessToken}}' } } }))
    const { code, out, err } = await run('contract', 'check', file)
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toMatch(new RegExp(`^mock-auth: Invalid contract ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: "signIn.body.token" uses \\{\\{acessToken\\}\\}, which sign-in does not know: sign-in knows \\{\\{accessToken\\}\\}`))
    expect(err.trimEnd().split('\n')).toHaveLength(1)
    const missing = await run('contract', 'check', join(dir, 'nope.json'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('Cannot read contract file')
    await writeFile(join(dir, 'broken.json'), '{"signIn": ')
    const broken = await run('contract', 'check', join(dir, 'broken.json'))
    expect(broken.code).toBe(1)
    expect(broken.err).toContain('not valid JSON')
  })

  it('serve --contract serves the contract (and a config file may name it, relative to itself)', async () => {
    const controller = new AbortController()
    const io = captureIo(controller.signal)
    const done = main(['serve', '--port', '0', '--contract', 'examples/contracts/json-server-auth.json'], io)
    await expect.poll(() => io.out() + io.err(), { timeout: 5000 }).toMatch(/listening on|mock-auth:/)
    const url = /listening on (http:\/\/\S+)/.exec(io.out())?.[1]
    try {
      expect(io.out()).toContain('Dialect:  contract')
      expect(io.out()).toMatch(/POST\s+\/login/)
      const res = await fetch(`${url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'test@example.com', password: 'nope' }) })
      expect([res.status, await res.json()]).toEqual([400, 'Incorrect password'])
    } finally {
      controller.abort()
    }
    expect(await done).toBe(0)

    await writeFile(join(dir, 'backend.json'), JSON.stringify({ signIn: 'POST /auth/signin' }))
    await writeFile(join(dir, 'config.json'), JSON.stringify({ contract: 'backend.json', port: 0 }))
    const c2 = new AbortController()
    const io2 = captureIo(c2.signal)
    const done2 = main(['serve', '--config', join(dir, 'config.json')], io2)
    await expect.poll(() => io2.out() + io2.err(), { timeout: 5000 }).toMatch(/listening on|mock-auth:/)
    c2.abort()
    expect(await done2).toBe(0)
    expect(io2.out()).toMatch(/POST\s+\/auth\/signin/)
  })

  it('serve refuses an invalid contract (exit 1) and --contract with --dialect or --base-path (exit 2)', async () => {
    await writeFile(join(dir, 'typo.json'), JSON.stringify({ sigIn: 'POST /x' }))
    const typo = await run('serve', '--port', '0', '--contract', join(dir, 'typo.json'))
    expect(typo.code).toBe(1)
    expect(typo.err).toContain('unknown field "sigIn"')
    const both = await run('serve', '--port', '0', '--contract', 'examples/contracts/nextjs-route.json', '--dialect', 'rest')
    expect([both.code, both.err]).toEqual([2, 'mock-auth: Pass either --contract or --dialect, not both: a contract is its own dialect.\n'])
    expect((await run('serve', '--port', '0', '--contract', 'examples/contracts/nextjs-route.json', '--base-path', '/x')).code).toBe(2)
  })

  it('usage mistakes exit 2', async () => {
    expect((await run('contract')).code).toBe(2)
    expect((await run('contract', 'check')).code).toBe(2)
    const wrong = await run('contract', 'lint', 'x.json')
    expect(wrong.code).toBe(2)
    expect(wrong.err).toMatch(/^mock-auth: .*lint/)
  })
})
