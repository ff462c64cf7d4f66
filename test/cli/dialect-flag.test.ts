import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'
import { captureIo } from './helpers.js'

describe('mock-auth serve --dialect', () => {
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
