import yargs from 'yargs'
import { DEFAULT_PORT, DEFAULT_URL } from './defaults.js'
import { CliError, errorLine, exitCodeOf, EXIT_USAGE, type CliIo } from './io.js'
import { packageVersion } from './version.js'

type Parsed = { argv: Record<string, unknown> & { _: Array<string | number> }; output: string; error: Error | undefined }

/**
 * The CLI: parses `argv` (without node and the script), runs the command and resolves with an
 * exit code. It never calls process.exit, so tests run it in-process with their own `io`.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed: Parsed
  try {
    parsed = await parse([...argv])
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
            scenario: str(args.scenario),
            port: num(args.port),
            host: str(args.host),
            basePath: str(args.basePath),
            users: str(args.users),
            scenarios: str(args.scenarios),
            accessTtl: str(args.accessTtl),
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
      default:
        throw new CliError(`Unknown command "${String(args._[0])}": use serve, scenarios or token (see mock-auth --help).`, EXIT_USAGE)
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
const num = (value: unknown): number | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CliError('Invalid --port: use a number from 0 to 65535 (0 picks a free port).', EXIT_USAGE)
  return value
}

function parse(argv: string[]): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    withoutHelpCache(yargs(argv))
      .scriptName('mock-auth')
      .usage('$0 <command> [options]\n\nA mock /api/auth backend for frontend development and tests.')
      .command('serve', 'Start the mock auth server', (y) =>
        y
          .option('scenario', { type: 'string', describe: 'Scenario every client starts in', defaultDescription: 'default' })
          .option('port', { type: 'number', describe: 'Port to listen on; 0 picks a free one', defaultDescription: String(DEFAULT_PORT) })
          .option('host', { type: 'string', describe: 'Address to bind', defaultDescription: '127.0.0.1' })
          .option('base-path', { type: 'string', describe: 'Where the auth routes live', defaultDescription: '/api/auth' })
          .option('users', { type: 'string', describe: 'JSON file with the users (replaces test/test and admin/admin)' })
          .option('scenarios', { type: 'string', describe: 'Your own scenarios (.json, .js or .mjs)' })
          .option('config', { type: 'string', describe: 'JSON file with any of these options; flags win' })
          .option('access-ttl', { type: 'string', describe: 'Access token lifetime', defaultDescription: '15m' })
          .option('alg', { type: 'string', choices: ['ES256', 'HS256'], describe: 'JWT signing algorithm', defaultDescription: 'ES256' })
          .option('secret', { type: 'string', describe: 'Shared secret for HS256 (at least 32 characters)' })
          .option('cors-origin', { type: 'string', array: true, describe: 'Origins allowed with credentials (replaces the local default)', defaultDescription: 'any http://localhost, 127.0.0.1 or [::1] port' })
          .option('allow-production', { type: 'boolean', describe: 'Start even when NODE_ENV=production' })
          .example('$0 serve', `Serve on http://127.0.0.1:${DEFAULT_PORT}`)
          .example('$0 serve --scenario expired --port 0', 'Expired tokens, on a free port')
          .example('$0 serve --users users.json --alg HS256 --secret "$JWT_SECRET"', 'Your users, HS256 tokens'),
      )
      .command('scenarios', 'List the scenarios with a one-line description', (y) =>
        y.option('json', { type: 'boolean', describe: 'Print JSON [{name, description}]' }).option('scenarios', { type: 'string', describe: 'Also list the scenarios of this file' }),
      )
      .command('token', 'Ask a running server for a signed-in user\'s access token', (y) =>
        y
          .option('user', { type: 'string', demandOption: 'Pass --user with a username, email or id, e.g. --user test', describe: 'Username, email or id' })
          .option('ttl', { type: 'string', describe: 'Access token lifetime, e.g. 1h' })
          .option('expired', { type: 'boolean', describe: 'Issue an already expired access token' })
          .option('url', { type: 'string', describe: 'The server to ask', defaultDescription: DEFAULT_URL })
          .option('namespace', { type: 'string', describe: 'The state namespace to sign in' })
          .option('json', { type: 'boolean', describe: 'Print the whole answer (tokens, user, expiry) as JSON' })
          .example('$0 token --user test', 'Print an access token')
          .example('curl -H "Authorization: Bearer $($0 token --user test)" http://127.0.0.1:4010/api/auth/me', 'Use it'),
      )
      .example('$0 serve --scenario expired', 'Start a server whose tokens are already expired')
      .example('$0 scenarios', 'List the scenarios')
      .demandCommand(1, 'Pass a command: serve, scenarios or token.')
      .strict()
      .showHelpOnFail(false)
      .version(packageVersion())
      .alias('h', 'help')
      .alias('v', 'version')
      .help()
      .wrap(100)
      .exitProcess(false)
      .parseAsync(argv, {}, (error: Error | undefined, args: Parsed['argv'], output: string) => resolve({ argv: args, output, error: error ?? undefined }))
      .catch(reject)
  })
}

/**
 * yargs renders the running command's whole help text (cliui, string-width) every time a command
 * runs, only to cache it for a later `showHelp()` (`usage.cacheHelpMessage`, yargs 17-18). This CLI
 * never shows help after a command ran (`showHelpOnFail(false)`, one-line errors), so that render is
 * pure cost: about 15 ms of `serve`'s cold start. `--help` itself renders on demand, as before.
 * Reached through yargs' internal-methods hook; if a future yargs moves it, nothing changes but speed.
 */
function withoutHelpCache<T extends object>(cli: T): T {
  const internals = (cli as { getInternalMethods?: () => { getUsageInstance?: () => unknown } }).getInternalMethods?.()
  const usage = internals?.getUsageInstance?.() as { cacheHelpMessage?: unknown } | undefined
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined
  return cli
}
