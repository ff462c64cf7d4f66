import { MockAuthError, type Dialect } from '../core/index.js'
import { authjsDialect } from './authjs/index.js'
import { createBetterAuthDialect, type TrustedOrigins } from './better-auth/index.js'
import { nextAuthDialect, type JweContentCipher } from './next-auth/index.js'
import { restDialect } from './rest/index.js'

/** What a dialect may be made with; each dialect reads what it needs. */
export interface DialectSettings {
  /** The app's auth secret (next-auth's NEXTAUTH_SECRET / AUTH_SECRET, better-auth's BETTER_AUTH_SECRET). */
  secret?: string | undefined
  /** better-auth's trusted origins for its Origin check (the server passes the origins its CORS allows). */
  trustedOrigins?: TrustedOrigins
  /** The app's public URL, for absolute URLs and `Secure` cookies. */
  publicUrl?: string
  /**
   * Where a dialect may look for the app's secret when none is given (`process.env` in Node); the
   * next-auth dialects read `NEXTAUTH_SECRET`, then `AUTH_SECRET`. Without either they make one up.
   */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** next-auth/authjs: seals the session JWE with this (the server passes node:crypto's), else jose's WebCrypto. */
  jweCipher?: JweContentCipher | undefined
}

/** The secret a next-auth app would use: the given one, else NEXTAUTH_SECRET, else AUTH_SECRET. */
export function nextAuthSecret(settings: DialectSettings): string | undefined {
  return settings.secret || settings.env?.NEXTAUTH_SECRET || settings.env?.AUTH_SECRET || undefined
}

/** `process.env` where there is one (Node), without importing anything platform-specific. */
export function processEnv(): Readonly<Record<string, string | undefined>> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
}

export type DialectFactory = (settings: DialectSettings) => Dialect

/** The dialects mock-auth knows by name; adding one is a folder plus one line here. */
export const DIALECT_NAMES = ['rest', 'next-auth', 'authjs', 'better-auth'] as const
export type DialectName = (typeof DIALECT_NAMES)[number]

const FACTORIES: Record<DialectName, DialectFactory> = {
  rest: () => restDialect,
  'next-auth': (settings) => nextAuthDialect(nextAuthSecret(settings), settings.jweCipher),
  authjs: (settings) => authjsDialect(nextAuthSecret(settings), settings.jweCipher),
  'better-auth': ({ secret, trustedOrigins, publicUrl }) =>
    createBetterAuthDialect({ ...(secret ? { secret } : {}), ...(trustedOrigins === undefined ? {} : { trustedOrigins }), ...(publicUrl === undefined ? {} : { publicUrl }) }),
}

export function isDialectName(value: unknown): value is DialectName {
  return typeof value === 'string' && Object.hasOwn(FACTORIES, value)
}

/**
 * A dialect from a name (default `'rest'`) or a ready `Dialect` object (a custom one). An unknown
 * name throws `ERR_INVALID_OPTIONS` listing the known ones.
 */
export function resolveDialect(input: DialectName | Dialect | undefined, settings: DialectSettings = {}): Dialect {
  if (input === undefined) return restDialect
  if (typeof input === 'object' && input !== null) return input
  if (!isDialectName(input)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Unknown dialect ${JSON.stringify(input)}. Known dialects: ${DIALECT_NAMES.join(', ')}.`)
  }
  return FACTORIES[input](settings)
}

export { restDialect } from './rest/index.js'
export { authjsDialect, AUTHJS_V5 } from './authjs/index.js'
export { nextAuthDialect, createNextAuthDialect, NEXT_AUTH_V4, type NextAuthDialect, type NextAuthWire } from './next-auth/index.js'
export {
  compileContract,
  contractDialect,
  CONTRACT_OPERATIONS,
  type Contract,
  type ContractDialect,
  type ContractInput,
  type ContractOperation,
  type ContractOperationInput,
  type ContractCookieInput,
  type ContractErrorsInput,
} from './contract/index.js'
