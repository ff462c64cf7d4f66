import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layering the tree promises, checked on every run:
 * core <- dialects/providers <- scenarios <- handlers <- server/node/testing/browser <- cli <- bin.
 * Dialects and providers are injected into the engine: the core never imports them.
 */
const root = resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  const abs = join(root, dir)
  let entries: string[]
  try {
    entries = readdirSync(abs)
  } catch {
    return []
  }
  return entries.flatMap((name) => {
    const path = join(abs, name)
    if (statSync(path).isDirectory()) return sources(relative(root, path))
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.test.ts') ? [relative(root, path)] : []
  })
}

function imports(file: string, { runtimeOnly = false } = {}): string[] {
  let text = readFileSync(join(root, file), 'utf8')
  // `import type` / `export type ... from` are erased by tsc: nothing of them loads at run time.
  if (runtimeOnly) text = text.replace(/^(?:import|export)\s+type\s[^'"]*?from\s+['"][^'"]+['"]/gm, '')
  const found: string[] = []
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((match[1] ?? match[2]) as string)
  }
  return found
}

/** The top-level layer a specifier points into, resolved from the importing file. */
function layerOf(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? 'node:' : spec.split('/')[0] === '@playwright' ? '@playwright/test' : spec.split('/')[0]!
  const target = relative(root, resolve(root, from, '..', spec))
  const [top, second] = target.split('/')
  return top === 'src' ? `src/${second}` : top!
}

const RULES: Array<{ dir: string; allowed: (layer: string) => boolean; why: string; runtimeOnly?: boolean }> = [
  { dir: 'src/core', allowed: (l) => ['src/core', 'jose', 'cookie'].includes(l), why: 'the engine is pure: jose and cookie only' },
  { dir: 'src/dialects', allowed: (l) => ['src/dialects', 'src/core', 'jose', 'cookie'].includes(l), why: 'a dialect is a route table and codec over the core' },
  { dir: 'src/providers', allowed: (l) => ['src/providers', 'src/core', 'jose', 'cookie'].includes(l), why: 'a provider is a protocol over the core' },
  { dir: 'scenarios', allowed: (l) => ['scenarios', 'src/core'].includes(l), why: 'scenarios are data over the core' },
  { dir: 'handlers', allowed: (l) => ['handlers', 'scenarios', 'src/dialects', 'src/providers', 'src/core', 'msw'].includes(l), why: 'handlers are thin msw adapters' },
  { dir: 'src/dashboard', allowed: (l) => l === 'src/dashboard', why: 'the dashboard runs in a page, over a ControlClient only (types may come from the core)', runtimeOnly: true },
  { dir: 'src/browser', allowed: (l) => !['node:', 'express', 'src/server', 'src/cli', 'src/testing', 'bin', 'yargs'].includes(l), why: 'the browser entry runs in a page' },
  { dir: 'src/server', allowed: (l) => !['src/cli', 'bin', 'src/testing', 'yargs'].includes(l), why: 'the server sits below the CLI' },
  { dir: 'src/node', allowed: (l) => !['src/cli', 'bin', 'yargs', 'express', 'src/testing', 'src/browser'].includes(l), why: 'the Node msw entry: handlers plus node:crypto, no server' },
  { dir: 'src/testing', allowed: (l) => !['src/cli', 'bin', 'yargs'].includes(l), why: 'test helpers sit below the CLI' },
  { dir: 'src/cli', allowed: (l) => l !== 'bin', why: 'only bin calls the CLI' },
]

describe('architecture', () => {
  for (const rule of RULES) {
    it(`${rule.dir} imports only what its layer may (${rule.why})`, () => {
      const violations = sources(rule.dir).flatMap((file) =>
        imports(file, { runtimeOnly: rule.runtimeOnly === true })
          .filter((spec) => !spec.startsWith('node:') || !rule.allowed('node:'))
          .filter((spec) => !rule.allowed(layerOf(file, spec)))
          .map((spec) => `${file} imports ${spec}`),
      )
      expect(violations).toEqual([])
    })
  }

  it('no handler or route branches on a scenario name (scenarios are data)', () => {
    const files = [...sources('handlers'), ...sources('src/core'), ...sources('src/dialects'), ...sources('src/providers'), ...sources('src/server')]
    const offenders = files.filter((file) => /(?<!typeof [\w.?]*)scenario(?:\.name)?\s*[!=]==\s*['"]/.test(readFileSync(join(root, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('the core names no dialect or provider (they are injected)', () => {
    const offenders = sources('src/core').filter((file) => /['"](?:next-auth|authjs|better-auth)['"]|dialects\/|providers\//.test(readFileSync(join(root, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('keeps no module-level mutable state in library code', () => {
    const files = ['src', 'handlers', 'scenarios'].flatMap(sources)
    const offenders = files.filter((file) => /^(?:export\s+)?(?:let|var)\s/m.test(readFileSync(join(root, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('keeps every source file under 300 lines (one concept each)', () => {
    const files = ['src', 'handlers', 'scenarios', 'bin'].flatMap(sources)
    const long = files.map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').replace(/\n$/, '').split('\n').length })).filter(({ lines }) => lines > 300)
    expect(long).toEqual([])
  })

  it('bin is a few lines that call the CLI', () => {
    for (const file of sources('bin')) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n').filter((l) => l.trim() !== '')
      expect(lines.length).toBeLessThanOrEqual(8)
      expect(imports(file).every((spec) => spec.includes('src/cli'))).toBe(true)
    }
  })
})
