import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/core/index.js'
import { builtinScenarios } from '../../scenarios/index.js'
import { describeDialect, DIALECT_NAMES, loadDialect, resolveDialect } from '../../src/dialects/index.js'
import { DIALECT_MANIFESTS } from '../../src/dialects/manifest.js'

const FILE = fileURLToPath(new URL('../../src/dialects/manifest.ts', import.meta.url))
const LAZY = DIALECT_NAMES.filter((name) => name !== 'rest')

/** The manifest file as it should read: every lazily loaded dialect described from itself. */
async function expectedFile(): Promise<string> {
  const entries = await Promise.all(LAZY.map(async (name) => [name, describeDialect(await loadDialect(name, { secret: 'manifest' }))] as const))
  const q = JSON.stringify
  const body = `{\n${entries
    .map(([name, m]) => {
      const routes = Object.entries(m.routes).map(([path, methods]) => `      ${q(path)}: ${q(methods)},\n`).join('')
      return `  ${q(name)}: {\n    name: ${q(m.name)},\n    mints: ${m.mints},\n    cookieNames: ${q(m.cookieNames)},\n    routes: {\n${routes}    },\n  },\n`
    })
    .join('')}}`
  return `import type { DialectManifest } from './lazy-dialect.js'

// Generated from the dialects themselves by test/dialects/manifest.test.ts (UPDATE_MANIFEST=1 npx
// vitest run test/dialects/manifest.test.ts rewrites it); that test fails when it falls behind.
// What the MSW handlers are made from before a dialect's modules load: see lazy-dialect.ts.
export const DIALECT_MANIFESTS: Record<${LAZY.map((n) => `'${n}'`).join(' | ')}, DialectManifest> = ${body}
`
}

describe('the dialect manifest', () => {
  it('describes every lazily loaded dialect as the dialect itself does', async () => {
    const expected = await expectedFile()
    if (process.env.UPDATE_MANIFEST === '1') writeFileSync(FILE, expected)
    expect(readFileSync(FILE, 'utf8'), 'src/dialects/manifest.ts is out of date: run UPDATE_MANIFEST=1 npx vitest run test/dialects/manifest.test.ts').toBe(expected)
    for (const name of LAZY) expect(DIALECT_MANIFESTS[name].name).toBe(name === 'next-auth' ? 'next-auth' : name)
  })

  it('a named dialect has its routes at once and loads its code only when the engine first needs it', async () => {
    const dialect = resolveDialect('next-auth', { secret: 'x' })
    expect(Object.keys(dialect.routes)).toContain('/callback/credentials')
    expect(() => dialect.encodeError({ code: 'not_found' }, {} as never)).toThrow(/before it loaded/)
    const engine = createEngine({ dialect, basePath: '/api/auth', scenarios: builtinScenarios })
    const res = await engine.fetch({ method: 'GET', url: 'http://localhost/api/auth/csrf', headers: { get: () => null }, body: null })
    expect(res?.status).toBe(200)
    expect(JSON.parse(res?.body as string).csrfToken).toMatch(/^[0-9a-f]{64}$/)
    // Loaded now: errors encode synchronously in the dialect's own form.
    expect(dialect.encodeError({ code: 'not_found' }, { request: { method: 'GET', url: 'http://localhost/api/auth/x', headers: { get: () => null }, body: null }, config: engine.config, operation: undefined }).status).toBe(404)
  })

  it('an unknown name lists the known dialects, in both forms', async () => {
    expect(() => resolveDialect('nextauth' as never)).toThrow(/Known dialects: rest, next-auth, authjs, better-auth/)
    await expect(loadDialect('nextauth' as never)).rejects.toThrow(/Known dialects: rest, next-auth, authjs, better-auth/)
  })
})
