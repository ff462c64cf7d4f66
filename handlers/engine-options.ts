import { builtinScenarios } from '../scenarios/index.js'
import { processEnv, resolveDialect, type DialectName } from '../src/dialects/registry.js'
import type { JweContentCipher } from '../src/dialects/next-auth/index.js'
import { contractEngineOptions, type Contract, type ContractInput } from '../src/dialects/contract/index.js'
import { providerWiring, type ProviderCrypto, type ProviderInput } from '../src/providers/index.js'
import {
  validateScenario,
  type ClockOptions,
  type Dialect,
  type MountedProtocol,
  type Duration,
  type EngineOptions,
  type KeySet,
  type Scenario,
  type SigningAlgorithm,
  type UserInput,
} from '../src/core/kernel.js'

export interface MockAuthOptions {
  /**
   * The wire protocol the app speaks: `'rest'` (default, mock-auth's own contract), `'next-auth'`,
   * `'authjs'`, `'better-auth'`, or a `Dialect` object. Users, scenarios and controls are the same in each.
   */
  dialect?: DialectName | Dialect
  /**
   * Your backend's own contract (docs/contracts.md): its routes, fields, cookies and error shapes
   * as data (what a contract file holds, functions allowed) or a compiled `Contract`. It is its
   * own dialect, so it replaces `dialect`; its routes are absolute paths and `baseUrl` is then
   * only the origin (default `'*'`).
   */
  contract?: ContractInput | Contract
  /** Further protocols at their own paths, besides the identity providers. */
  protocols?: readonly MountedProtocol[]
  /**
   * The app's public origin for absolute URLs in answers (next-auth's `{ url }`); default: the
   * request's own origin (or `X-Forwarded-*`).
   */
  publicUrl?: string
  /**
   * Mock identity providers served at `/oidc/<id>`: `google` and `github` are built in; these are
   * added (the same id replaces a built-in); `false` serves none. See docs/providers.md.
   */
  providers?: readonly ProviderInput[] | false
  /** The scenario to start in (default `'default'`). */
  scenario?: string
  /** Where the app calls auth: `'*\/api/auth'` (default, any origin), `'http://localhost:3000/api/auth'`, `'/api/auth'`. */
  baseUrl?: string
  /** Seed users (default: `test`/`test` and `admin`/`admin`). */
  users?: readonly UserInput[]
  /** Extra scenarios, added to the built-ins; one with a built-in's name replaces it. */
  scenarios?: readonly Scenario[]
  accessTokenTtl?: Duration
  refreshTokenTtl?: Duration
  /** `'ES256'` (default, generated per instance) or `'HS256'` with `secret`. */
  alg?: SigningAlgorithm
  /**
   * REST: the HS256 signing secret. Other dialects: the app's auth secret (next-auth's
   * `NEXTAUTH_SECRET`, read from the environment when not given); HS256 then needs `alg: 'HS256'` too.
   */
  secret?: string
  issuer?: string
  audience?: string
  clockTolerance?: Duration
  /** Where the clock starts (default: real time). */
  clock?: ClockOptions
  /** The namespace this instance's handlers and controls use for requests that name none. */
  namespace?: string
  /** Reuse signing keys, e.g. to verify tokens with a key your app already trusts. */
  keys?: KeySet | Promise<KeySet>
  /**
   * Builds the function that signs tokens from the key material. Default: WebCrypto, which runs
   * everywhere; `mock-auth/node` and `mock-auth/vitest` pass node:crypto's synchronous `nodeSigner`.
   */
  signer?: EngineOptions['signer']
  /**
   * The mock identity providers' RS256 signer and SHA-256. Default: WebCrypto; `mock-auth/node`,
   * `mock-auth/vitest` and the Playwright fixture pass node:crypto's (`nodeProviderCrypto`).
   */
  providerCrypto?: ProviderCrypto
  /**
   * next-auth/authjs: the content cipher that seals the session JWE. Default: jose's WebCrypto,
   * which runs everywhere; `mock-auth/node`, `mock-auth/vitest` and the Playwright fixture pass
   * node:crypto's synchronous one (WebCrypto makes each seal a thread-pool round trip).
   */
  jweCipher?: JweContentCipher
  /** How many namespaces besides `default` live at once (default 1,000; the least recently used goes). */
  maxNamespaces?: number
  /** Journal entries kept per namespace, the newest (default 1,000; 0 keeps none). */
  journalSize?: number
  /** Users per namespace, seeded ones included (default 10,000); sign-up past it answers 507 `limit_exceeded`. */
  maxUsers?: number
  /** Live sessions per user (default 1,000); one more sign-in revokes the oldest. */
  maxSessionsPerUser?: number
  /** Exchanged refresh tokens each family keeps for reuse detection (default 100, the most recent). */
  maxRotatedTokens?: number
}

/**
 * Engine options from the user's: the built-in scenarios plus theirs (validated, a built-in name
 * replaced), key options grouped. No msw here, so the Playwright fixture can share it.
 */
export function toEngineOptions(options: MockAuthOptions, basePath: string): EngineOptions {
  const scenarios = new Map<string, Scenario>(builtinScenarios.map((s) => [s.name, s]))
  for (const [index, scenario] of (options.scenarios ?? []).entries()) {
    validateScenario(scenario, `scenarios[${index}]`)
    scenarios.set(scenario.name, scenario)
  }
  // With another dialect than REST, `secret` is the app's auth secret, and signs tokens only with an explicit HS256.
  const appSecret = options.dialect !== undefined && options.dialect !== 'rest'
  const settings = {
    secret: appSecret ? options.secret : undefined,
    env: processEnv(),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    ...(options.jweCipher === undefined ? {} : { jweCipher: options.jweCipher }),
  }
  const signingSecret = appSecret && options.alg !== 'HS256' ? undefined : options.secret
  const providers = providerWiring(options.providers, options.providerCrypto)
  const engineOptions: EngineOptions = {
    dialect: resolveDialect(options.dialect, settings),
    scenarios: [...scenarios.values()],
    basePath,
    protocols: [...providers.protocols, ...(options.protocols ?? [])],
    socialProviders: providers.socialProviders,
  }
  if (options.contract !== undefined) Object.assign(engineOptions, contractEngineOptions(options.contract, { ...options, basePath }))
  for (const key of ['publicUrl', 'scenario', 'users', 'accessTokenTtl', 'refreshTokenTtl', 'issuer', 'audience', 'clockTolerance', 'clock', 'keys', 'signer', 'maxNamespaces', 'journalSize', 'maxUsers', 'maxSessionsPerUser', 'maxRotatedTokens'] as const) {
    const value = options[key]
    if (value !== undefined) (engineOptions as unknown as Record<string, unknown>)[key] = value
  }
  if (options.alg !== undefined || signingSecret !== undefined) {
    engineOptions.keyOptions = {}
    if (options.alg !== undefined) engineOptions.keyOptions.alg = options.alg
    if (signingSecret !== undefined) engineOptions.keyOptions.secret = signingSecret
  }
  return engineOptions
}
