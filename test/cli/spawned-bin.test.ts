import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = fileURLToPath(new URL('../../dist/bin/mock-auth.js', import.meta.url))

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` may not have, so build once here.
  if (!existsSync(bin)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}, 120_000)

describe('the built bin, spawned', () => {
  it('serves on a free port, signs in, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/)
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })
      expect(res.status).toBe(200)
      expect(res.headers.getSetCookie()).toHaveLength(2)
      expect((await res.json()).message).toBe('Authenticated')
      await expect.poll(() => out).toMatch(/POST \/api\/auth\/login 200 \d+ms \[default\]/)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(out).toContain('mock-auth stopped.')
    expect(err).toBe('')
  })

  it('under npx (npm_command=exec) it stops when npm is killed, which does not pass SIGTERM on; started directly it stays', async () => {
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    for (const npmCommand of ['exec', undefined]) {
      // A stand-in for `npm exec`: starts the bin, prints its pid, and is then killed outright.
      const wrapper = `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(bin)}, 'serve', '--port', '0'], { stdio: 'inherit' }); console.log('PID ' + c.pid)`
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' }
      if (npmCommand === undefined) delete env.npm_command
      else env.npm_command = npmCommand
      const npm = spawn(process.execPath, ['-e', wrapper], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env })
      let out = ''
      npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/listening on http/)
      const pid = Number(/PID (\d+)/.exec(out)?.[1])
      npm.kill('SIGKILL')
      try {
        if (npmCommand === 'exec') {
          await expect.poll(() => alive(pid), { timeout: 6_000 }).toBe(false)
          expect(out).toContain('mock-auth stopped.')
        } else {
          await new Promise((resolve) => setTimeout(resolve, 2_500))
          expect(alive(pid)).toBe(true)
        }
      } finally {
        if (alive(pid)) process.kill(pid, 'SIGTERM')
      }
    }
  }, 30_000)

  it('exits 2 (a bad flag value) with a one-line error naming --scenario for an unknown scenario', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--scenario', 'nope'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
    expect(code).toBe(2)
    expect(err).toMatch(/^mock-auth: Invalid --scenario: Unknown scenario "nope"\. Known scenarios: default, [^\n]+\n$/)
  })
})
