import { CliError, errorLine, exitCodeOf, EXIT_USAGE, type CliIo } from './io.js'
import type { Options } from 'yargs'
import type { Parsed } from './parse-argv.js'
import { plainArgv, type ParsedArgv } from './plain-argv.js'
import { checkRawValues } from './raw-values.js'
import type { ServeCommandOptions } from './serve-command.js'
import { SERVE_OPTIONS } from './serve-options.js'

/**
 * The CLI: parses `argv` (without node and the script), runs the command and resolves with an
 * exit code. It never calls process.exit, so tests run it in-process with their own `io`.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed: Parsed
  try {
    const first = argv[0]
    if (first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first)) throw unknownCommand(first)
    // A plain `serve` needs no yargs (see plain-argv.ts): the server answers about 70 ms sooner.
    const plain = plainArgv(argv, 'serve', SERVE_OPTIONS)
    if (!plain && first === 'serve') checkRawValues(argv, SERVE_OPTIONS)
    parsed = plain ? { argv: plain, output: '', error: undefined } : await (await import('./parse-argv.js')).parseArgv([...argv])
  } catch (error) {
    return fail(io, error, EXIT_USAGE)
  }
  if (parsed.error) {
    // yargs may put the demandOption hint on a second line; the CLI's errors are one line.
    const message = parsed.error.message
      .replace(/Not enough arguments following: ([\w-]+)/, '--$1 needs a value')
      // yargs' choices error, as the CLI's other bad values read: `Invalid --log-format "xml": use text or json`.
      .replace(/Invalid values:\s*Argument: ([\w-]+), Given: ("[^"]*"), Choices: (.+)/, (_, name: string, given: string, choices: string) => `Invalid ${/^[a-z]/.test(name) && name !== 'action' ? `--${name}` : name} ${given}: use ${choices.split(/,\s*/).map((c) => c.replace(/^"|"$/g, '')).join(' or ')}`)
      .replace(/\s*\n+\s*/g, '. ')
      .replace(/\.?$/, '.')
    return fail(io, new CliError(`${message} See mock-auth --help.`, EXIT_USAGE), EXIT_USAGE)
  }
  if (parsed.output !== '') {
    // --help or --version: yargs handed us the text instead of printing it.
    io.stdout.write(`${parsed.output}\n`)
    return 0
  }
  const args = parsed.argv
  try {
    switch (args._[0]) {
      case 'serve': {
        const { runServe } = await import('./serve-command.js')
        return await runServe(serveFlags(args), io)
      }
      case 'scenarios': {
        const { runScenarios } = await import('./scenarios-command.js')
        return await runScenarios({ json: args.json === true, scenarios: str(args.scenarios) }, io)
      }
      case 'token': {
        const { runToken } = await import('./token-command.js')
        return await runToken(
          { user: String(args.user), ttl: str(args.ttl), expired: args.expired === true, url: str(args.url), namespace: str(args.namespace), json: args.json === true },
          io,
        )
      }
      case 'contract': {
        const { runContract } = await import('./contract-command.js')
        return await runContract({ action: str(args.action), file: str(args.file) }, io)
      }
      case 'keys': {
        const { runKeys } = await import('./keys-command.js')
        return await runKeys({ out: str(args.out), alg: str(args.alg) }, io)
      }
      default:
        throw unknownCommand(String(args._[0]))
    }
  } catch (error) {
    return fail(io, error, exitCodeOf(error))
  }
}

function fail(io: CliIo, error: unknown, code: number): number {
  io.stderr.write(`mock-auth: ${errorLine(error)}\n`)
  return code
}

/** The CLI's commands, for the "did you mean" of an unknown one. */
const COMMANDS = ['serve', 'scenarios', 'token', 'contract', 'keys']

function unknownCommand(name: string): CliError {
  const nearest = [...COMMANDS].sort((a, b) => editDistance(name, a) - editDistance(name, b))[0]
  return new CliError(`Unknown command "${name}": did you mean "${nearest}"? Commands: ${COMMANDS.join(', ')} (see mock-auth --help).`, EXIT_USAGE)
}

/** Levenshtein distance, for suggestions between a handful of short words. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

/**
 * The `serve` flags by their camelCase names, read from `SERVE_OPTIONS` (one table for yargs, the
 * plain parser and this). A number flag that is not a number is a usage error naming the flag.
 */
function serveFlags(args: ParsedArgv): ServeCommandOptions {
  const flags: Record<string, unknown> = {}
  for (const [flag, option] of Object.entries(SERVE_OPTIONS) as Array<[string, Options]>) {
    const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    const value = args[key]
    if (value === undefined || value === null) continue
    if (option.type === 'boolean') flags[key] = value === true ? true : undefined
    else if (option.array) flags[key] = (Array.isArray(value) ? value : [value]).map(String)
    else if (option.type === 'number') flags[key] = num(value, flag)
    else flags[key] = String(value)
  }
  return flags as ServeCommandOptions
}

const str = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value))
/** A number flag's value; yargs turns a non-number into NaN, which gets a sentence naming the flag. */
const num = (value: unknown, flag: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const expected = flag === 'port' ? 'a number from 0 to 65535 (0 picks a free port)' : flag === 'journal-size' ? 'a whole number, 0 or more' : 'a whole number of at least 1'
    throw new CliError(`Invalid --${flag}: use ${expected}.`, EXIT_USAGE)
  }
  return value
}
