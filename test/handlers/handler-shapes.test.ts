import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/core/index.js'
import { DIALECT_NAMES } from '../../src/dialects/index.js'
import { toEngineOptions, type MockAuthOptions } from '../../handlers/engine-options.js'
import { shapeAhead } from '../../handlers/handler-shapes.js'
import { handlerShape } from '../../handlers/route-handlers.js'

const FILE = fileURLToPath(new URL('../../handlers/handler-shapes.ts', import.meta.url))
const shapeOf = (options: MockAuthOptions, basePath: string) => handlerShape(createEngine(toEngineOptions(options, basePath)))

/** The generated part of handler-shapes.ts as it should read: every built-in dialect and the built-in providers, read from engines. */
function expectedData(): string {
  const q = JSON.stringify
  const dialects = DIALECT_NAMES.map((name) => {
    const shape = shapeOf({ dialect: name, providers: false, secret: 'shape' }, '/api/auth')
    const dialect = shape.mounts[shape.mounts.length - 1]
    return `  ${q(name)}: { cookieNames: ${q(shape.cookieNames)}, routes: ${q(dialect?.routes)} },\n`
  }).join('')
  const withProviders = shapeOf({}, '/api/auth')
  const providers = withProviders.mounts.slice(0, -1).map((m) => `  { path: ${q(m.path)}, routes: ${q(m.routes)}, onlyOwnRoutes: ${m.onlyOwnRoutes} },\n`).join('')
  return `export const DIALECT_SHAPES: Record<DialectName, { cookieNames: readonly string[]; routes: readonly string[] }> = {\n${dialects}}\n\nexport const BUILTIN_PROVIDER_MOUNTS: readonly MountShape[] = [\n${providers}]\n`
}

const BEGIN = '// BEGIN GENERATED\n'
const END = '// END GENERATED\n'

describe('the handler shapes read ahead', () => {
  it('are what the engines themselves have (UPDATE_SHAPES=1 rewrites the generated part)', () => {
    const text = readFileSync(FILE, 'utf8')
    const current = text.slice(text.indexOf(BEGIN) + BEGIN.length, text.indexOf(END))
    const expected = expectedData()
    if (process.env.UPDATE_SHAPES === '1' && current !== expected) writeFileSync(FILE, text.replace(BEGIN + current + END, BEGIN + expected + END))
    expect(current, 'handlers/handler-shapes.ts is out of date: run UPDATE_SHAPES=1 npx vitest run test/handlers/handler-shapes.test.ts').toBe(expected)
  })

  it('equal the shape of the engine built from the same options, for every dialect, with and without providers and base path', () => {
    for (const dialect of [undefined, ...DIALECT_NAMES]) {
      for (const providers of [undefined, false] as const) {
        for (const basePath of ['/api/auth', '', '/auth']) {
          const options: MockAuthOptions = { ...(dialect === undefined ? {} : { dialect }), ...(providers === undefined ? {} : { providers }) }
          expect(shapeAhead(options, basePath), `${dialect} ${String(providers)} ${basePath}`).toEqual(shapeOf(options, basePath))
        }
      }
    }
  })

  it('are not read ahead for options that change the routes or need checking: the engine is built at once then', () => {
    expect(shapeAhead({ journalSize: -1 }, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ users: [] }, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ secret: 'x', dialect: 'next-auth' }, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ baseUrl: 'http://localhost/api/auth', namespace: 'n', dialect: 'better-auth', providers: false, users: undefined } as unknown as MockAuthOptions, '/api/auth')).toBeDefined()
    expect(shapeAhead({ providers: [{ id: 'acme', kind: 'oidc' }] } as MockAuthOptions, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ protocols: [] }, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ contract: { routes: {} } } as unknown as MockAuthOptions, '')).toBeUndefined()
    expect(shapeAhead({ dialect: createEngine(toEngineOptions({}, '/api/auth')).dialect }, '/api/auth')).toBeUndefined()
    expect(shapeAhead({ dialect: 'nope' as never }, '/api/auth')).toBeUndefined()
  })
})
