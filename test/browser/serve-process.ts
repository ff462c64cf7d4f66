import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { REPO_ROOT } from '../../examples/app-server.mjs'

// MOCK_AUTH_BIN lets you point the tests at another build of the CLI.
const BIN = process.env.MOCK_AUTH_BIN ?? join(REPO_ROOT, 'dist', 'bin', 'mock-auth.js')

/** Starts the real CLI, `mock-auth serve --port 0` (plus `args`), and reads the URL it prints. */
export async function startServe(args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build before the browser tests.`)
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock-auth serve printed no URL within 15 s. Output:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`mock-auth serve exited with ${code} before listening. Output:\n${output}`))
    })
  })
  // Keep draining its request log so a full pipe never blocks the server.
  child.stdout?.resume()
  child.stderr?.resume()
  return { url, child }
}

export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}
