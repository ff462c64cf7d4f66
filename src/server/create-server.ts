import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { builtinScenarios } from '../../scenarios/index.js'
import { processEnv, resolveDialect, type DialectName } from '../dialects/registry.js'
import { contractEngineOptions, type Contract, type ContractInput } from '../dialects/contract/index.js'
import { providerWiring, type ProviderCrypto, type ProviderInput } from '../providers/index.js'
import { nodeCookieMac } from './node-cookie-mac.js'
import { nodeJweCipher } from './node-jwe-cipher.js'
import { threadPoolProviderCrypto } from './node-provider-crypto.js'
import { threadPoolSigner } from './node-signer.js'
import { createEngine, type Dialect, type Engine, type EngineOptions, type Scenario } from '../core/kernel.js'
import { answerClientError } from './client-error.js'
import { EventStreams } from './events.js'
import { hostMatcher, type AllowedHosts } from './allowed-hosts.js'
import { originMatcher, type CorsOrigins } from './cors.js'
import { formatJsonLine, type RequestLogEntry } from './request-log.js'
import { assertNotProduction } from './production-guard.js'
import { requestHandler } from './request-handler.js'
import { expressServerOptions } from './express-prototypes.js'

export const DEFAULT_HOST = '127.0.0.1'
/** How long `shutdown()` (SIGTERM/SIGINT in `serve`) lets requests in flight finish. */
export const SHUTDOWN_GRACE_MS = 10_000

export interface ServerOptions extends Omit<EngineOptions, 'scenarios' | 'dialect' | 'socialProviders'> {
  /**
   * Mock identity providers served at `/oidc/<id>`: `google` and `github` are built in; these are
   * added (the same id replaces a built-in); `false` serves none. See docs/providers.md.
   */
  providers?: readonly ProviderInput[] | false
  /** The providers' RS256 signer and SHA-256 (default: node:crypto's, the signature on libuv's thread pool; see node-provider-crypto.ts). */
  providerCrypto?: ProviderCrypto
  /** The wire protocol under the base path: `'rest'` (default), `'next-auth'`, `'authjs'`, `'better-auth'`, or a `Dialect`. */
  dialect?: DialectName | Dialect
  /**
   * Your backend's own contract (docs/contracts.md) instead of a dialect: its data or a compiled
   * `Contract` (`loadContractFile`). Its routes are absolute paths; other paths get the JSON 404.
   */
  contract?: ContractInput | Contract
  /** The app's auth secret for a dialect that needs one (next-auth: else NEXTAUTH_SECRET, AUTH_SECRET, else generated). */
  secret?: string
  /** Your own scenarios, added to the built-in ones (a scenario with a built-in name replaces it). */
  scenarios?: readonly Scenario[]
  /** A ready engine to serve instead of building one from the options above. */
  engine?: Engine
  /** Origins allowed to call with credentials (default: any http://localhost, 127.0.0.1 or [::1] port); `false` turns CORS off. */
  cors?: CorsOrigins | false
  /** Called once per request with a printable line and its fields. */
  log?: (line: string, entry: RequestLogEntry) => void
  /**
   * `'text'` (default): `POST /api/auth/login 200 3ms [default]`. `'json'`: the request's journal
   * entry as one JSON line; requests no operation answers (control calls, unknown paths outside
   * the base path, CORS preflights) print the same shape with `seq` and `operation` null.
   */
  logFormat?: 'text' | 'json'
  /** Start even when NODE_ENV=production (refused by default). */
  allowProduction?: boolean
  /**
   * Host names answered besides `localhost`, `*.localhost` and IP literals (`true`: any). Any other
   * `Host` is 403 `forbidden_host`, which stops DNS rebinding (see allowed-hosts.ts).
   */
  allowedHosts?: AllowedHosts
}

/**
 * The server's request handler: a Node request listener (`http.createServer(app)`) that is also
 * Connect/Express middleware (`yourApp.use(app)`). Typed here rather than as Express's `Express`,
 * so a consumer's type-check needs no `@types/express` (Express stays an implementation detail).
 */
export type MockAuthApp = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string
}

export interface RunningServer {
  url: string
  port: number
  host: string
  engine: Engine
  app: MockAuthApp
  server: Server
  /** Stops accepting, drops open connections, resolves when the server is closed. Idempotent. */
  close(): Promise<void>
  /**
   * Stops accepting and lets requests in flight finish (a `slow` answer, a sign-in being signed),
   * for at most `graceMs` (default 10 s); then drops what is left. Resolves when closed; what
   * `mock-auth serve` does on SIGTERM/SIGINT.
   */
  shutdown(graceMs?: number): Promise<void>
  /** Resolves when the server has closed, whoever closed it. */
  closed: Promise<void>
}

export interface MockAuthServer {
  app: MockAuthApp
  engine: Engine
  listen(options?: ListenOptions): Promise<RunningServer>
}

/**
 * The Express app over one engine: CORS, the control API, the engine's routes, then a JSON 404 for
 * anything else. Errors never leak a stack trace or an HTML page, and the server keeps serving.
 */
export function createServer(options: ServerOptions = {}): MockAuthServer {
  assertNotProduction({ allowProduction: options.allowProduction })
  const { scenarios = [], engine: given, cors, log: logOption, logFormat, allowProduction: _allow, dialect, contract, secret, providers, providerCrypto = threadPoolProviderCrypto, protocols = [], allowedHosts, ...engineOptions } = options
  const log = logOption && logFormat === 'json' ? (line: string, entry: RequestLogEntry) => logOption(formatJsonLine(entry), entry) : logOption
  const allowOrigin = cors === false ? undefined : originMatcher(cors)
  // A dialect with an Origin check of its own (better-auth) trusts the origins CORS allows; next-auth reads its secret.
  const settings = { secret, env: processEnv(), jweCipher: nodeJweCipher, cookieMac: nodeCookieMac, ...(allowOrigin ? { trustedOrigins: allowOrigin } : {}), ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }) }
  const protocol = contract === undefined ? { dialect: resolveDialect(dialect, settings) } : contractEngineOptions(contract, options)
  // The identity providers at /oidc/<id>, whatever the dialect (docs/providers.md).
  const wiring = given ? undefined : providerWiring(providers, providerCrypto)
  const engine =
    given ??
    createEngine({
      signer: threadPoolSigner,
      ...engineOptions,
      ...protocol,
      protocols: [...(wiring?.protocols ?? []), ...protocols],
      socialProviders: wiring?.socialProviders ?? [],
      scenarios: [...builtinScenarios, ...scenarios],
    })
  // The control API refuses foreign origins even with CORS off (then only local pages may call it).
  const control = { allowOrigin: allowOrigin ?? originMatcher(undefined) }
  const hostAllowed = hostMatcher(allowedHosts)

  const streams = new EventStreams(engine)
  const handler = requestHandler({ engine, streams, allowOrigin, control, hostAllowed, log })
  // The Express app: what `listen()` serves, and what `yourApp.use(app)` mounts.
  const app = express()
  // Express's X-Powered-By goes through setHeader, after which Node can collapse our Set-Cookie
  // array into one header (verified with Express 5.3); we write headers ourselves.
  app.disable('x-powered-by')
  app.disable('etag')
  // One middleware does CORS, the answer and the log line: each extra Express layer, a
  // `res.setHeader` before `writeHead` (Node then merges two header sets) and a 'close' listener
  // per request all showed in the profile of the session route (bench/README.md).
  app.use((req: Request, res: Response, next: NextFunction) => {
    handler.handle(req, res).then((answered) => answered || next(), next)
  })
  app.use((req: Request, res: Response) => handler.notFound(req, res))
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => handler.failed(error, req, res))

  return {
    app,
    engine,
    listen: (listenOptions) => listen(app, engine, streams, listenOptions),
  }
}

async function listen(app: Express, engine: Engine, streams: EventStreams, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST
  // Born with Express's prototypes: its per-request prototype swap is then a no-op (express-prototypes.ts).
  const server = createHttpServer(expressServerOptions(app), app)
  // Requests Node's parser refuses never reach Express: answer them as JSON too.
  server.on('clientError', answerClientError)
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenError(error, host, options.port ?? 0)
  })
  const port = (server.address() as AddressInfo).port
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    host,
    engine,
    app,
    server,
    closed,
    close() {
      closing ??= new Promise<void>((resolve) => {
        streams.closeAll()
        server.close(() => resolve())
        // Keep-alive and delayed (slow scenario) connections would hold close() open.
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
    shutdown(graceMs = SHUTDOWN_GRACE_MS) {
      closing ??= new Promise<void>((resolve) => {
        // An answered keep-alive connection turns idle but stays open until its client leaves, so
        // idle ones are closed again every few ms until the requests in flight are done.
        const idle = setInterval(() => server.closeIdleConnections(), 25)
        // An event stream never ends by itself: end them now, or they would hold the grace period open.
        streams.closeAll()
        const deadline = setTimeout(() => {
          for (const socket of sockets) socket.destroy()
        }, graceMs)
        server.close(() => {
          clearInterval(idle)
          clearTimeout(deadline)
          resolve()
        })
        server.closeIdleConnections()
      })
      return closing
    },
  }
}

/** A listen failure as a sentence that says what to do; the original stays as `cause`. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const message =
    error.code === 'EADDRINUSE'
      ? `Port ${port} on ${host} is already in use: stop the other server or choose another port with --port (0 picks a free one).`
      : error.code === 'EACCES'
        ? `Not allowed to listen on ${host}:${port}: choose a port above 1023 with --port.`
        : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
          ? `Cannot listen on host "${host}": it is not an address of this machine. Use --host 127.0.0.1.`
          : `Cannot listen on ${host}:${port}: ${error.message}.`
  return Object.assign(new Error(message, { cause: error }), { code: error.code })
}
