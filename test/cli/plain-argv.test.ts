import { describe, expect, it } from 'vitest'
import { parseArgv } from '../../src/cli/parse-argv.js'
import { plainArgv } from '../../src/cli/plain-argv.js'
import { SERVE_OPTIONS } from '../../src/cli/serve-options.js'

const SECRET = 'a-shared-secret-of-at-least-32-chars!'

/** Invocations the shortcut must take: what people and the bench type. */
const PLAIN: string[][] = [
  ['serve'],
  ['serve', '--port', '0'],
  ['serve', '--port', '4010'],
  ['serve', '--port=0'],
  ['serve', '--scenario', 'expired', '--port', '0'],
  ['serve', '--host', '::1', '--base-path', '/auth', '--access-ttl', '1h'],
  ['serve', '--refresh-ttl', '2d', '--max-namespaces', '50'],
  ['serve', '--users', 'users.json', '--scenarios', 'mine.mjs', '--config', 'c.json'],
  ['serve', '--alg', 'HS256', '--secret', SECRET],
  ['serve', '--alg=ES256', '--scenario=slow'],
  ['serve', '--scenario', 'x=y', '--secret', 'with space'],
  // --alg has no yargs `choices` (it is case-insensitive); serve itself refuses RS256 naming --alg.
  ['serve', '--alg', 'es256'],
  ['serve', '--alg', 'RS256'],
  ['serve', '--issuer', 'https://auth.test', '--audience', 'app', '--keys', 'keys.json', '--max-users', '50'],
]

/** Invocations the shortcut must leave to yargs (help, errors, and every form it does not model). */
const FOR_YARGS: string[][] = [
  [],
  ['--help'],
  ['--version'],
  ['serve', '--help'],
  ['serve', '-h'],
  ['serve', '--version'],
  ['scenarios'],
  ['token', '--user', 'test'],
  ['serve', 'extra'],
  ['serve', '--bogus', '1'],
  ['serve', '--port'],
  ['serve', '--port', ''],
  ['serve', '--port', '-1'],
  ['serve', '--port', '0x10'],
  ['serve', '--port', '007'],
  ['serve', '--port', '1.5'],
  ['serve', '--port', 'abc'],
  ['serve', '--port', '0', '--port', '1'],
  ['serve', '--scenario', '--port', '0'],
  ['serve', '--scenario="quoted"'],
  ['serve', '--scenario='],
  ['serve', '--basePath', '/auth'],
  ['serve', '--allow-production'],
  ['serve', '--cors-origin', 'http://localhost:3000'],
  ['serve', '--no-allow-production'],
  ['serve', '-p', '0'],
  ['serve', '--', '--port', '0'],
  ['serve', '--port.x', '1'],
  ['serve', '--constructor', 'x'],
  ['serve', '--__proto__', 'x'],
]

/** The parsed argv without yargs' `$0` (the script name, which `main` never reads) and unset keys. */
function fields(argv: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(argv).filter(([key, value]) => key !== '$0' && value !== undefined))
}

describe('plainArgv (serve without loading yargs)', () => {
  const cases = (list: string[][]) => list.map((argv) => [argv.join(' ') || '(nothing)', argv] as const)

  it.each(cases(PLAIN))('takes "%s" and parses it exactly as yargs does', async (_, argv) => {
    const plain = plainArgv(argv, 'serve', SERVE_OPTIONS)
    expect(plain).toBeDefined()
    const viaYargs = await parseArgv([...argv])
    expect(viaYargs.error).toBeUndefined()
    expect(viaYargs.output).toBe('')
    expect(fields(plain!)).toEqual(fields(viaYargs.argv))
  })

  it.each(cases(FOR_YARGS))('leaves "%s" to yargs', (_, argv) => {
    expect(plainArgv(argv, 'serve', SERVE_OPTIONS)).toBeUndefined()
  })

  it('only takes options that exist, so yargs still rejects typos and reports them', async () => {
    const typo = await parseArgv(['serve', '--prot', '0'])
    expect(typo.error?.message).toMatch(/Unknown argument: prot/)
    expect(plainArgv(['serve', '--prot', '0'], 'serve', SERVE_OPTIONS)).toBeUndefined()
  })
})
