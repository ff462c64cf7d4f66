import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Vitest globalSetup: next-auth v4 lives in this folder's own install (it pins @auth/core 0.34 as
 * a peer and wants next and react, none of which mock-auth needs). `npm ci` here on first run, from
 * the npm registry only, so `npm test` and a bare `npx vitest run` work on a fresh machine.
 */
export default function ensureInstalled(): void {
  const dir = import.meta.dirname
  if (existsSync(join(dir, 'node_modules', 'next-auth', 'package.json'))) return
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' })
}
