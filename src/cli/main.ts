import { CliError, errorLine, exitCodeOf, EXIT_USAGE, type CliIo } from './io.js'
import type { Parsed } from './parse-argv.js'
import { plainArgv } from './plain-argv.js'
import { SERVE_OPTIONS } from './serve-options.js'

/**
 * The CLI: parses `argv` (without node and the script), runs the command and resolves with an
 * exit code. It never calls process.exit, so tests run it in-process with their own `io`.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed: Parsed
  try {
    // A plain `serve` needs no yargs (see plain-argv.ts): the server answers about 70 ms sooner.
    const plain = plainArgv(argv, 'serve', SERVE_OPTIONS)
    parsed = plain ? { argv: plain, output: '', error: undefined } : await (await import('./parse-argv.js')).parseArgv([...argv])
  } catch (error) {
    return fail(io, error, EXIT_USAGE)
  }
  if (parsed.error) {
    // yargs may put the demandOption hint on a second line; the CLI's errors are one line.
    const message = parsed.error.message.replace(/\s*\n+\s*/g, '. ').replace(/\.?$/, '.')
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
        return await runServe(
          {
            config: str(args.config),
            dialect: str(args.dialect),
            publicUrl: str(args.publicUrl),
            contract: str(args.contract),
            scenario: str(args.scenario),
            port: num(args.port, 'port', 'a number from 0 to 65535 (0 picks a free port)'),
            host: str(args.host),
            basePath: str(args.basePath),
            users: str(args.users),
            scenarios: str(args.scenarios),
            accessTtl: str(args.accessTtl),
            refreshTtl: str(args.refreshTtl),
            maxNamespaces: num(args.maxNamespaces, 'max-namespaces', 'a whole number of at least 1'),
            journalSize: num(args.journalSize, 'journal-size', 'a whole number, 0 or more'),
            logFormat: str(args.logFormat) as 'text' | 'json' | undefined,
            alg: str(args.alg) as 'ES256' | 'HS256' | undefined,
            secret: str(args.secret),
            allowProduction: args.allowProduction === true ? true : undefined,
            corsOrigin: Array.isArray(args.corsOrigin) ? args.corsOrigin.map(String) : undefined,
          },
          io,
        )
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
      default:
        throw new CliError(`Unknown command "${String(args._[0])}": use serve, scenarios, token or contract (see mock-auth --help).`, EXIT_USAGE)
    }
  } catch (error) {
    return fail(io, error, exitCodeOf(error))
  }
}

function fail(io: CliIo, error: unknown, code: number): number {
  io.stderr.write(`mock-auth: ${errorLine(error)}\n`)
  return code
}

const str = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value))
/** A number flag's value; yargs turns a non-number into NaN, which gets a sentence naming the flag. */
const num = (value: unknown, flag: string, expected: string): number | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CliError(`Invalid --${flag}: use ${expected}.`, EXIT_USAGE)
  return value
}
