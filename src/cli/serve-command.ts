import { isMockAuthError, parseDuration, WELL_KNOWN_JWKS_PATH, type Dialect, type Engine, type KeyOptions, type KeySet } from '../core/kernel.js'
import type { ConfigFile, ServerOptions } from '../server/index.js'
import type { RunningServer } from '../server/create-server.js'
import { assertNotProduction } from '../server/production-guard.js'
import { DEFAULT_CLI_HOST, DEFAULT_PORT } from './defaults.js'
import { CliError, EXIT_USAGE, type CliIo } from './io.js'
import { parseAlg } from './keys-command.js'
import { createLineBatcher } from './line-batcher.js'

/** The `serve` options as parsed; anything unset falls back to the config file, then the defaults. */
export type ServeCommandOptions = { [K in keyof ConfigFile]?: ConfigFile[K] | undefined } & { config?: string | undefined }

/**
 * `mock-auth serve`: starts the server, prints where and how, logs each request, and resolves with
 * an exit code once the server is closed (by `io.signal`, which the bin ties to SIGINT/SIGTERM:
 * requests in flight finish first, for up to 10 s).
 */
export async function runServe(cli: ServeCommandOptions, io: CliIo): Promise<number> {
  // Loaded here, not at the top, so `mock-auth scenarios` and `token` never load Express; the file
  // loaders only when a flag names a file (cold start: every module counts, see bench/README.md).
  const server = await import('../server/create-server.js')
  const files = cli.config !== undefined || cli.users !== undefined || cli.scenarios !== undefined ? await import('../server/load-files.js') : undefined
  const fromFile = files && cli.config !== undefined ? await files.loadConfigFile(cli.config) : {}
  const options: ServeCommandOptions = { ...fromFile }
  for (const [key, value] of Object.entries(cli)) if (value !== undefined && key !== 'config') (options as Record<string, unknown>)[key] = value

  /** How the user wrote an option: the flag when it came from one, else the config file's key. */
  const where = (key: keyof ConfigFile) => (cli[key] !== undefined ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `"${key}" in ${cli.config ?? 'the config file'}`)

  const port = options.port ?? DEFAULT_PORT
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError(`Invalid ${where('port')} "${String(port)}": use a number from 0 to 65535 (0 picks a free port).`, EXIT_USAGE)
  const logLines = createLineBatcher((text) => io.stdout.write(text))
  // REST signs with --secret (HS256); other dialects take it as the app's secret (HS256 only with --alg HS256).
  const appSecret = options.dialect !== undefined && options.dialect !== 'rest'
  const serverOptions: ServerOptions = {
    // JSON lines stand alone (no indent), so `| jq` or a log shipper reads each one as is.
    log: options.logFormat === 'json' ? (line) => logLines.line(`${line}\n`) : (line) => logLines.line(`  ${line}\n`),
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
      // next-auth re-seals its session JWE on every read: node:crypto's cipher spares the thread pool.
      ...(options.dialect === 'next-auth' || options.dialect === 'authjs' ? { jweCipher: (await import('../server/node-jwe-cipher.js')).nodeJweCipher } : {}),
      // better-auth signs its session cookie at every sign-in: node:crypto's HMAC, no thread-pool trip.
      ...(options.dialect === 'better-auth' ? { cookieMac: (await import('../server/node-cookie-mac.js')).nodeCookieMac } : {}),
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      ...(options.corsOrigin !== undefined && options.corsOrigin.length > 0 ? { trustedOrigins: options.corsOrigin } : {}),
    })
  }
  if (options.publicUrl !== undefined) serverOptions.publicUrl = options.publicUrl
  for (const [key, engineKey] of [['accessTtl', 'accessTokenTtl'], ['refreshTtl', 'refreshTokenTtl']] as const) {
    const value = options[key]
    if (value === undefined) continue
    if (!isPositiveDuration(value)) throw new CliError(`Invalid ${where(key)} "${value}": use a positive duration such as 15m (a number of seconds, or a number with ms, s, m, h or d).`, EXIT_USAGE)
    serverOptions[engineKey] = value
  }
  for (const key of ['maxNamespaces', 'maxUsers', 'maxSessionsPerUser', 'maxRotatedTokens'] as const) {
    const value = options[key]
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < 1) throw new CliError(`Invalid ${where(key)} "${String(value)}": use a whole number of at least 1.`, EXIT_USAGE)
    serverOptions[key] = value
  }
  if (options.scenario !== undefined) serverOptions.scenario = options.scenario
  if (options.basePath !== undefined) serverOptions.basePath = options.basePath
  if (options.issuer !== undefined) serverOptions.issuer = options.issuer
  if (options.audience !== undefined) serverOptions.audience = options.audience
  if (options.journalSize !== undefined) serverOptions.journalSize = options.journalSize
  if (options.logFormat !== undefined) {
    if (options.logFormat !== 'text' && options.logFormat !== 'json') throw new CliError(`Invalid --log-format "${String(options.logFormat)}": use text (the default) or json.`, 2)
    serverOptions.logFormat = options.logFormat
  }
  if (options.allowProduction !== undefined) serverOptions.allowProduction = options.allowProduction
  if (options.corsOrigin !== undefined && options.corsOrigin.length > 0) serverOptions.cors = options.corsOrigin
  if (options.providers !== undefined) serverOptions.providers = options.providers as NonNullable<ServerOptions['providers']>
  if (options.allowedHost !== undefined && options.allowedHost.length > 0) serverOptions.allowedHosts = options.allowedHost.includes('*') ? true : options.allowedHost
  const keysFile = await signingKeys(options, where)
  if (keysFile) serverOptions.keys = keysFile.keys
  else serverOptions.keyOptions = keyOptions(appSecret && options.alg?.toUpperCase() !== 'HS256' ? { ...options, secret: undefined } : options, where)
  // `users`/`scenarios` come from a flag or the config file, so `files` is loaded whenever they are set.
  if (files && options.users !== undefined) serverOptions.users = await files.loadUsersFile(options.users)
  if (files && options.scenarios !== undefined) serverOptions.scenarios = await files.loadScenariosFile(options.scenarios)

  // The environment, not a flag: refused here, before any option is judged, it stays a runtime failure (exit 1).
  assertNotProduction({ allowProduction: serverOptions.allowProduction })
  let app: ReturnType<typeof server.createServer>
  try {
    app = server.createServer(serverOptions)
  } catch (error) {
    // The scenarios are known only once the files are loaded, so an unknown --scenario is caught here.
    if (isMockAuthError(error) && error.code === 'ERR_UNKNOWN_SCENARIO') {
      // The server's scenario, or else a user's own `scenario` in the users file: name the one that is wrong.
      const serverScenario = (error as { scenario?: unknown }).scenario === (options.scenario ?? 'default')
      throw new CliError(serverScenario || options.users === undefined ? `Invalid ${where('scenario')}: ${error.message}` : `Invalid "scenario" of a user in ${where('users')} (${options.users}): ${error.message}`, EXIT_USAGE)
    }
    // An option the engine refused (journalSize, publicUrl...) is a bad flag value: exit 2, worded as typed.
    if (isMockAuthError(error) && error.code === 'ERR_INVALID_OPTIONS') throw new CliError(asTyped(error.message, options, where), EXIT_USAGE)
    throw error
  }
  const host = options.host ?? DEFAULT_CLI_HOST
  // The engine makes its keys from the start (WebCrypto, off the main thread): listen meanwhile,
  // so key generation is not on the way to the first answer. The keys are awaited before the
  // banner all the same, so a bad --secret still ends `serve` with its own error (before a taken
  // port's), and the first sign-in is not slower.
  const [keys, listening] = await Promise.allSettled([app.engine.keys(), app.listen({ port, host })])
  if (keys.status === 'rejected' || listening.status === 'rejected' || io.signal?.aborted) {
    if (listening.status === 'fulfilled') await listening.value.close()
    if (keys.status === 'rejected') throw keys.reason
    if (listening.status === 'rejected') throw listening.reason
    return 0
  }
  const running: RunningServer = listening.value
  const stop = () => void running.shutdown()
  io.signal?.addEventListener('abort', stop, { once: true })

  // With JSON logs stdout carries only JSON lines; the banner and goodbye go to stderr.
  const say = options.logFormat === 'json' ? io.stderr : io.stdout
  const { isLoopbackHost } = await import('../server/loopback.js')
  if (!isLoopbackHost(host)) {
    io.stderr.write(
      `mock-auth: warning: listening on ${host}, beyond this machine's loopback: anyone on the network can reach the control API (reset, token minting, state) and sign in as any user. Bind 127.0.0.1 (the default) unless you mean it.\n`,
    )
  }
  say.write(banner(running.url, app.engine, keys.value, options.users !== undefined, keysFile))
  await running.closed
  io.signal?.removeEventListener('abort', stop)
  logLines.flush()
  say.write('mock-auth stopped.\n')
  return 0
}

/** The named dialect, or a usage error (exit 2) listing the known ones. */
async function dialectOf(name: string | undefined, settings: import('../dialects/registry.js').DialectSettings): Promise<Dialect> {
  const { loadDialect } = await import('../dialects/registry.js')
  try {
    return await loadDialect(name as Parameters<typeof loadDialect>[0], settings)
  } catch (error) {
    if (isMockAuthError(error)) throw new CliError(`Invalid --dialect: ${error.message}`, 2)
    throw error
  }
}

/** The engine names options as the API spells them (`journalSize`); the user typed a flag or a config key. */
function asTyped(message: string, options: ServeCommandOptions, where: (key: keyof ConfigFile) => string): string {
  const named = /\b([a-z]+[A-Z][A-Za-z]*)\b/.exec(message)?.[1] as keyof ConfigFile | undefined
  return named !== undefined && Object.hasOwn(options, named) && options[named] !== undefined ? message.replace(named, where(named)) : message
}

/** A generated app secret is printed, so the app (NEXTAUTH_SECRET) can be given the same one. */
function secretLine(dialect: Dialect): string[] {
  const { secret, secretGenerated } = dialect as { secret?: unknown; secretGenerated?: unknown }
  if (typeof secret !== 'string') return []
  // v4 reads NEXTAUTH_SECRET, Auth.js v5 AUTH_SECRET (docs/dialects.md).
  const name = dialect.name === 'authjs' ? 'AUTH_SECRET' : 'NEXTAUTH_SECRET'
  return secretGenerated === true ? [`Secret:   ${secret} (generated; give your app the same, e.g. ${name}=${secret}, or pass --secret)`] : []
}

function isPositiveDuration(value: string): boolean {
  try {
    return parseDuration(value) > 0
  } catch {
    return false
  }
}

type Where = (key: keyof ConfigFile) => string

/** `--keys FILE`: the file's key set, created in it when the file does not exist yet. */
async function signingKeys(options: ServeCommandOptions, where: Where): Promise<{ keys: KeySet; path: string; created: boolean } | undefined> {
  if (options.keys === undefined) return undefined
  if (options.secret !== undefined) throw new CliError(`${where('keys')} holds the signing key, so ${where('secret')} has nothing to do: drop one of them.`, EXIT_USAGE)
  const { loadKeysFile } = await import('../server/keys-file.js')
  const alg = parseAlg(options.alg)
  const loaded = await loadKeysFile(options.keys, alg === undefined ? {} : { alg })
  return { ...loaded, path: options.keys }
}

function keyOptions(options: ServeCommandOptions, where: Where): KeyOptions {
  const alg = parseAlg(options.alg)
  if (alg === 'HS256' && options.secret === undefined) throw new CliError(`${where('alg')} HS256 needs --secret with a shared secret of at least 32 characters.`, EXIT_USAGE)
  if (alg === 'ES256' && options.secret !== undefined) throw new CliError('--secret is for HS256: pass --alg HS256 too, or drop --secret to sign with ES256.', EXIT_USAGE)
  if (options.secret !== undefined && new TextEncoder().encode(options.secret).byteLength < 32) {
    throw new CliError(`Invalid ${where('secret')}: an HS256 secret must be at least 32 bytes long (RFC 7518 §3.2).`, EXIT_USAGE)
  }
  const keys: KeyOptions = {}
  if (alg !== undefined) keys.alg = alg
  if (options.secret !== undefined) keys.secret = options.secret
  return keys
}

function banner(url: string, engine: Engine, keys: KeySet, customUsers: boolean, keysFile: { path: string; created: boolean } | undefined): string {
  const { basePath, initialScenario, users, issuer, audience } = engine.config
  const providers = [...engine.config.socialProviders.values()]
  // The identity providers get one line each; their routes are in docs/providers.md.
  const routes = engine.mounts().filter((mount) => mount.path !== '/oidc' && !providers.some((p) => mount.path === `/oidc/${p.id}`)).flatMap((mount) =>
    Object.entries(mount.protocol.routes).map(([path, methods]) => [Object.keys(methods).join('|'), `${mount.path}${path}` || '/'] as const),
  )
  routes.push(['GET', WELL_KNOWN_JWKS_PATH])
  const width = Math.max(...routes.map(([m]) => m.length))
  const source = keysFile ? `${keysFile.created ? 'new key, written to' : 'from'} ${keysFile.path}` : 'generated for this run'
  const who = customUsers ? users.map((u) => u.username).join(', ') : users.map((u) => `${u.username} / ${u.password}`).join(', ')
  return [
    `mock-auth listening on ${url}`,
    ...(engine.dialect.name === 'rest' ? [] : [`Dialect:  ${engine.dialect.name}`]),
    ...secretLine(engine.dialect),
    `Scenario: ${initialScenario.name} (${initialScenario.description})`,
    `Users:    ${who}`,
    `Tokens:   alg ${keys.alg}, iss ${issuer}, aud ${audience} (kid ${keys.kid}, ${source})`,
    'Routes:',
    ...routes.map(([methods, path]) => `  ${methods.padEnd(width)}  ${path}`),
    ...(providers.length === 0 ? [] : ['Identity providers:', ...providers.map((p) => `  ${p.name.padEnd(10)} ${url}/oidc/${p.id}${p.kind === 'oidc' ? ' (OpenID Connect: /.well-known/openid-configuration)' : ' (GitHub-style OAuth 2.0)'}`)]),
    'Control:  /__mock-auth/health, scenarios, scenario, reset, clock, token, state, mailbox, journal, fail-next, expire, users, providers, providers/next-account',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}
