import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'dist/bin/mock-auth.js')

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}, 120_000)

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

describe('README: "Try it with curl"', () => {
  it('works pasted as one block: no race with the server start, the expired token refreshes, the server stops', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Try it with curl'))
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1]
    expect(block, 'the curl block').toBeDefined()
    expect(block).toContain('until curl')
    const port = await freePort()
    // The block exactly as written, with the built bin for `npx mock-auth` and a free port for 4010.
    const script = (block ?? '').replaceAll('npx mock-auth', `node ${JSON.stringify(bin)}`).replaceAll('4010', String(port))
    const dir = await mkdtemp(join(tmpdir(), 'mock-auth-readme-'))
    try {
      const output = await new Promise<string>((resolve, reject) => {
        execFile('bash', ['-c', script], { cwd: dir, timeout: 30_000, env: { ...process.env, NODE_ENV: 'test' } }, (error, stdout) => (error ? reject(error) : resolve(stdout)))
      })
      expect(output).toMatch(/^HTTP\/1\.1 200 OK/m)
      expect(output).toContain('"error":"token_expired"')
      expect(output).toMatch(/"message":"Refreshed"/)
      expect(output).toMatch(/\{"user":\{"id":"user123"/)
      expect(output).toContain('"message":"Signed out","revoked":true')
      // `kill $!` stopped the server: the port is free again.
      await expect.poll(async () => fetch(`http://127.0.0.1:${port}/__mock-auth/health`).then(() => 'up', () => 'down'), { timeout: 5000 }).toBe('down')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
