import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'
import { captureIo } from './helpers.js'

describe('mock-auth serve --dialect', () => {
  it('serves next-auth with --secret as the app secret (no HS256 needed) and without one prints a generated one', async () => {
    for (const [args, secretShown] of [[['--secret', 'app-secret'], false], [[], true]] as const) {
      const controller = new AbortController()
      const io = captureIo(controller.signal)
      const previous = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, AUTH_SECRET: process.env.AUTH_SECRET }
      delete process.env.NEXTAUTH_SECRET
      delete process.env.AUTH_SECRET
      const done = main(['serve', '--port', '0', '--dialect', 'next-auth', ...args], io)
      try {
        await expect.poll(() => io.out() + io.err(), { timeout: 5000 }).toMatch(/Press Ctrl\+C|mock-auth:/)
        expect(io.err()).toBe('')
        expect(io.out()).toContain('Dialect:  next-auth')
        expect(io.out()).toMatch(/GET\s+\/api\/auth\/csrf\n/)
        expect(/Secret: {3}[0-9a-f]{64} \(generated/.test(io.out())).toBe(secretShown)
        const url = /listening on (http:\/\/\S+)/.exec(io.out())?.[1]
        const csrf = await fetch(`${url}/api/auth/csrf`)
        expect((await csrf.json()).csrfToken).toMatch(/^[0-9a-f]{64}$/)
      } finally {
        controller.abort()
        Object.assign(process.env, Object.fromEntries(Object.entries(previous).filter(([, v]) => v !== undefined)))
      }
      expect(await done).toBe(0)
    }
  })

  it('refuses an unknown dialect (flag or config file) with exit 2, listing the known ones', async () => {
    const io = captureIo()
    expect(await main(['serve', '--port', '0', '--dialect', 'soap'], io)).toBe(2)
    expect(io.err()).toMatch(/Invalid --dialect: Unknown dialect "soap"\. Known dialects: rest, next-auth, authjs, better-auth\./)
    const dir = await mkdtemp(join(tmpdir(), 'mock-auth-dialect-'))
    try {
      const config = join(dir, 'c.json')
      await writeFile(config, JSON.stringify({ dialect: 'soap' }))
      const fromFile = captureIo()
      expect(await main(['serve', '--port', '0', '--config', config], fromFile)).toBe(2)
      expect(fromFile.err()).toMatch(/Unknown dialect "soap"/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
