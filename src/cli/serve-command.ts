import { isMockAuthError, WELL_KNOWN_JWKS_PATH, type Dialect, type KeyOptions } from '../core/index.js'
import type { ConfigFile, ServerOptions } from '../server/index.js'
import type { RunningServer } from '../server/create-server.js'
import { DEFAULT_CLI_HOST, DEFAULT_PORT } from './defaults.js'
import { CliError, type CliIo } from './io.js'
import { createLineBatcher } from './line-batcher.js'

/** The `serve` options as parsed; anything unset falls back to the config file, then the defaults. */
export type ServeCommandOptions = { [K in keyof ConfigFile]?: ConfigFile[K] | undefined } & { config?: string | undefined }

/**
 * `mock-auth serve`: starts the server, prints where and how, logs each request, and resolves with
 * an exit code once the server is closed (by `io.signal`, which the bin ties to SIGINT/SIGTERM).
 */
export async function runServe(cli: ServeCommandOptions, io: CliIo): Promise<number> {
  // Loaded here, not at the top, so `mock-auth scenarios` and `token` never load Express; the file
  // loaders only when a flag names a file (cold start: every module counts, see bench/README.md).
  const server = await import('../server/create-server.js')
  const files = cli.config !== undefined || cli.users !== undefined || cli.scenarios !== undefined ? await import('../server/load-files.js') : undefined
  const fromFile = files && cli.config !== undefined ? await files.loadConfigFile(cli.config) : {}
  const options: ServeCommandOptions = { ...fromFile }
  for (const [key, value] of Object.entries(cli)) if (value !== undefined && key !== 'config') (options as Record<string, unknown>)[key] = value

  const port = options.port ?? DEFAULT_PORT
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError(`Invalid --port "${String(port)}": use a number from 0 to 65535 (0 picks a free port).`, 2)
  const logLines = createLineBatcher((text) => io.stdout.write(text))
  // REST signs with --secret (HS256); other dialects take it as the app's secret (HS256 only with --alg HS256).
  const appSecret = options.dialect !== undefined && options.dialect !== 'rest'
  const serverOptions: ServerOptions = {
    // JSON lines stand alone (no indent), so `| jq` or a log shipper reads each one as is.
    log: options.logFormat === 'json' ? (line) => logLines.line(`${line}\n`) : (line) => logLines.line(`  ${line}\n`),
    keyOptions: keyOptions(appSecret && options.alg?.toUpperCase() !== 'HS256' ? { ...options, secret: undefined } : options),
  }
  if (options.contract !== undefined) {
    if (options.dialect !== undefined) throw new CliError('Pass either --contract or --dialect, not both: a contract is its own dialect.', 2)
    if (options.basePath !== undefined) throw new CliError('--base-path does not apply with --contract: the contract\'s routes carry their own paths.', 2)
    const { loadContractFile } = await import('../server/load-contract.js')
    serverOptions.contract = await loadContractFile(options.contract)
  } else {
    // better-auth's Origin check trusts what the server's CORS allows (--cors-origin, else local origins).
    serverOptions.dialect = await dialectOf(options.dialect, {
      secret: appSecret ? options.secret : undefined,
      env: process.env,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      ...(options.corsOrigin !== undefined && options.corsOrigin.length > 0 ? { trustedOrigins: options.corsOrigin } : {}),
    })
  }
  if (options.publicUrl !== undefined) serverOptions.publicUrl = options.publicUrl
  if (options.scenario !== undefined) serverOptions.scenario = options.scenario
  if (options.basePath !== undefined) serverOptions.basePath = options.basePath
  if (options.accessTtl !== undefined) serverOptions.accessTokenTtl = options.accessTtl
  if (options.refreshTtl !== undefined) serverOptions.refreshTokenTtl = options.refreshTtl
  if (options.maxNamespaces !== undefined) serverOptions.maxNamespaces = options.maxNamespaces
  if (options.journalSize !== undefined) serverOptions.journalSize = options.journalSize
  if (options.logFormat !== undefined) {
    if (options.logFormat !== 'text' && options.logFormat !== 'json') throw new CliError(`Invalid --log-format "${String(options.logFormat)}": use text (the default) or json.`, 2)
    serverOptions.logFormat = options.logFormat
  }
  if (options.allowProduction !== undefined) serverOptions.allowProduction = options.allowProduction
  if (options.corsOrigin !== undefined && options.corsOrigin.length > 0) serverOptions.cors = options.corsOrigin
  if (options.providers !== undefined) serverOptions.providers = options.providers as NonNullable<ServerOptions['providers']>
  // `users`/`scenarios` come from a flag or the config file, so `files` is loaded whenever they are set.
  if (files && options.users !== undefined) serverOptions.users = await files.loadUsersFile(options.users)
  if (files && options.scenarios !== undefined) serverOptions.scenarios = await files.loadScenariosFile(options.scenarios)

  const app = server.createServer(serverOptions)
  // The engine makes its keys from the start (WebCrypto, off the main thread): listen meanwhile,
  // so key generation is not on the way to the first answer. The keys are awaited before the
  // banner all the same, so a bad --secret still ends `serve` with its own error (before a taken
  // port's), and the first sign-in is not slower.
  const [keys, listening] = await Promise.allSettled([app.engine.keys(), app.listen({ port, host: options.host ?? DEFAULT_CLI_HOST })])
  if (keys.status === 'rejected' || listening.status === 'rejected' || io.signal?.aborted) {
    if (listening.status === 'fulfilled') await listening.value.close()
    if (keys.status === 'rejected') throw keys.reason
    if (listening.status === 'rejected') throw listening.reason
    return 0
  }
  const running: RunningServer = listening.value
  const stop = () => void running.close()
  io.signal?.addEventListener('abort', stop, { once: true })

  // With JSON logs stdout carries only JSON lines; the banner and goodbye go to stderr.
  const say = options.logFormat === 'json' ? io.stderr : io.stdout
  say.write(banner(running.url, app.engine, options.users !== undefined))
  await running.closed
  io.signal?.removeEventListener('abort', stop)
  logLines.flush()
  say.write('mock-auth stopped.\n')
  return 0
}

/** The named dialect, or a usage error (exit 2) listing the known ones. */
async function dialectOf(name: string | undefined, settings: import('../dialects/index.js').DialectSettings): Promise<Dialect> {
  const { resolveDialect } = await import('../dialects/index.js')
  try {
    return resolveDialect(name as Parameters<typeof resolveDialect>[0], settings)
  } catch (error) {
    if (isMockAuthError(error)) throw new CliError(`Invalid --dialect: ${error.message}`, 2)
    throw error
  }
}

/** A generated app secret is printed, so the app (NEXTAUTH_SECRET) can be given the same one. */
function secretLine(dialect: Dialect): string[] {
  const { secret, secretGenerated } = dialect as { secret?: unknown; secretGenerated?: unknown }
  if (typeof secret !== 'string') return []
  return secretGenerated === true ? [`Secret:   ${secret} (generated; give your app the same, e.g. NEXTAUTH_SECRET=${secret}, or pass --secret)`] : []
}

function keyOptions(options: ServeCommandOptions): KeyOptions {
  const alg = options.alg === undefined ? undefined : options.alg.toUpperCase()
  if (alg !== undefined && alg !== 'ES256' && alg !== 'HS256') throw new CliError(`Invalid --alg "${options.alg}": use ES256 (the default) or HS256 with --secret.`, 2)
  if (alg === 'HS256' && options.secret === undefined) throw new CliError('--alg HS256 needs --secret with a shared secret of at least 32 characters.', 2)
  if (alg === 'ES256' && options.secret !== undefined) throw new CliError('--secret is for HS256: pass --alg HS256 too, or drop --secret to sign with ES256.', 2)
  const keys: KeyOptions = {}
  if (alg !== undefined) keys.alg = alg
  if (options.secret !== undefined) keys.secret = options.secret
  return keys
}

function banner(url: string, engine: import('../core/index.js').Engine, customUsers: boolean): string {
  const { basePath, initialScenario, users } = engine.config
  const providers = [...engine.config.socialProviders.values()]
  // The identity providers get one line each; their routes are in docs/providers.md.
  const routes = engine.mounts().filter((mount) => mount.path !== '/oidc' && !providers.some((p) => mount.path === `/oidc/${p.id}`)).flatMap((mount) =>
    Object.entries(mount.protocol.routes).map(([path, methods]) => [Object.keys(methods).join('|'), `${mount.path}${path}` || '/'] as const),
  )
  routes.push(['GET', WELL_KNOWN_JWKS_PATH])
  const width = Math.max(...routes.map(([m]) => m.length))
  const who = customUsers ? users.map((u) => u.username).join(', ') : users.map((u) => `${u.username} / ${u.password}`).join(', ')
  return [
    `mock-auth listening on ${url}`,
    ...(engine.dialect.name === 'rest' ? [] : [`Dialect:  ${engine.dialect.name}`]),
    ...secretLine(engine.dialect),
    `Scenario: ${initialScenario.name} (${initialScenario.description})`,
    `Users:    ${who}`,
    'Routes:',
    ...routes.map(([methods, path]) => `  ${methods.padEnd(width)}  ${path}`),
    ...(providers.length === 0 ? [] : ['Identity providers:', ...providers.map((p) => `  ${p.name.padEnd(10)} ${url}/oidc/${p.id}${p.kind === 'oidc' ? ' (OpenID Connect: /.well-known/openid-configuration)' : ' (GitHub-style OAuth 2.0)'}`)]),
    'Control:  /__mock-auth/health, scenarios, scenario, reset, clock, token, state, mailbox, journal, fail-next, expire, users, providers, providers/next-account',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}
