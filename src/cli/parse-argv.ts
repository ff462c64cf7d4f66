import { DEFAULT_PORT, DEFAULT_URL } from './defaults.js'
import type { ParsedArgv } from './plain-argv.js'
import { SERVE_OPTIONS } from './serve-options.js'
import { packageVersion } from './version.js'

/** What yargs made of argv: the arguments, the text of --help/--version, or a usage error. */
export type Parsed = { argv: ParsedArgv; output: string; error: Error | undefined }

/**
 * The whole CLI as yargs sees it: commands, options, examples, --help and --version. yargs hands
 * back help text and errors instead of printing them or exiting, so `main` decides what to write.
 */
export async function parseArgv(argv: string[]): Promise<Parsed> {
  // Loaded here, not at the top: a plain `serve` never needs it.
  const { default: yargs } = await import('yargs')
  return new Promise((resolve, reject) => {
    withoutHelpCache(yargs(argv))
      .scriptName('mock-auth')
      .usage('$0 <command> [options]\n\nA mock /api/auth backend for frontend development and tests.')
      .command('serve', 'Start the mock auth server', (y) =>
        y
          .options(SERVE_OPTIONS)
          .example('$0 serve', `Serve on http://127.0.0.1:${DEFAULT_PORT}`)
          .example('$0 serve --scenario expired --port 0', 'Expired tokens, on a free port')
          .example('$0 serve --users users.json --alg HS256 --secret "$JWT_SECRET"', 'Your users, HS256 tokens'),
      )
      .command('scenarios', 'List the scenarios with a one-line description', (y) =>
        y.option('json', { type: 'boolean', describe: 'Print JSON [{name, description}]' }).option('scenarios', { type: 'string', describe: 'Also list the scenarios of this file' }),
      )
      .command('token', 'Ask a running server for a signed-in user\'s access token', (y) =>
        y
          .option('user', { type: 'string', requiresArg: true, demandOption: 'Pass --user with a username, email or id, e.g. --user test', describe: 'Username, email or id' })
          .option('ttl', { type: 'string', requiresArg: true, describe: 'Access token lifetime, e.g. 1h' })
          .option('expired', { type: 'boolean', describe: 'Issue an already expired access token' })
          .option('url', { type: 'string', requiresArg: true, describe: 'The server to ask', defaultDescription: DEFAULT_URL })
          .option('namespace', { type: 'string', requiresArg: true, describe: 'The state namespace to sign in' })
          .option('json', { type: 'boolean', describe: 'Print the whole answer (tokens, user, expiry) as JSON' })
          .example('$0 token --user test', 'Print an access token')
          .example('curl -H "Authorization: Bearer $($0 token --user test)" http://127.0.0.1:4010/api/auth/me', 'Use it'),
      )
      .command('contract <action> <file>', 'Check a contract file (your backend\'s routes, fields, cookies and errors as data)', (y) =>
        y
          .positional('action', { type: 'string', choices: ['check'], describe: 'check: validate the file and print the routes it defines' })
          .positional('file', { type: 'string', describe: 'The contract (.json, .js or .mjs)' })
          .example('$0 contract check my-backend.json', 'Validate a contract and list its routes'),
      )
      .command('keys', 'Write a private JWK Set for serve --keys, so restarts keep the same keys', (y) =>
        y
          .option('out', { type: 'string', requiresArg: true, describe: 'The file to write (refused if it exists); stdout when omitted' })
          .option('alg', { type: 'string', requiresArg: true, describe: 'ES256 or HS256 (any case)', defaultDescription: 'ES256' })
          .example('$0 keys --out mock-auth-keys.json', 'Write an ES256 key')
          .example('$0 serve --keys mock-auth-keys.json', 'Serve with it'),
      )
      .example('$0 serve --scenario expired', 'Start a server whose tokens are already expired')
      .example('$0 scenarios', 'List the scenarios')
      .demandCommand(1, 'Pass a command: serve, scenarios, token, contract or keys.')
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
