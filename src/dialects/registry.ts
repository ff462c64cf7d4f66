import { MockAuthError, type Dialect } from '../core/kernel.js'
import type { CookieMac, TrustedOrigins } from './better-auth/index.js'
import { lazyDialect } from './lazy-dialect.js'
import { DIALECT_MANIFESTS } from './manifest.js'
import type { JweContentCipher } from './next-auth/index.js'
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
  /** better-auth: signs its cookies with this synchronous HMAC (the server passes node:crypto's), else WebCrypto's. */
  cookieMac?: CookieMac | undefined
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

/** The dialects mock-auth knows by name; adding one is a folder, one line here and its manifest. */
export const DIALECT_NAMES = ['rest', 'next-auth', 'authjs', 'better-auth'] as const
export type DialectName = (typeof DIALECT_NAMES)[number]

/**
 * Each dialect's factory, loaded on demand: only REST, the default, is imported up front (see
 * lazy-dialect.ts for why). Every import is a literal, so bundlers (Vite in a page) split them.
 */
const FACTORIES: Record<DialectName, () => Promise<DialectFactory>> = {
  rest: () => Promise.resolve(() => restDialect),
  'next-auth': async () => {
    const { nextAuthDialect } = await import('./next-auth/index.js')
    return (settings) => nextAuthDialect(nextAuthSecret(settings), settings.jweCipher)
  },
  authjs: async () => {
    const { authjsDialect } = await import('./authjs/index.js')
    return (settings) => authjsDialect(nextAuthSecret(settings), settings.jweCipher)
  },
  'better-auth': async () => {
    const { createBetterAuthDialect } = await import('./better-auth/index.js')
    return ({ secret, trustedOrigins, publicUrl, cookieMac }) =>
      createBetterAuthDialect({ ...(secret ? { secret } : {}), ...(trustedOrigins === undefined ? {} : { trustedOrigins }), ...(publicUrl === undefined ? {} : { publicUrl }), ...(cookieMac === undefined ? {} : { cookieMac }) })
  },
}

export function isDialectName(value: unknown): value is DialectName {
  return typeof value === 'string' && Object.hasOwn(FACTORIES, value)
}

function checkName(input: unknown): asserts input is DialectName {
  if (!isDialectName(input)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Unknown dialect ${JSON.stringify(input)}. Known dialects: ${DIALECT_NAMES.join(', ')}.`)
  }
}

/**
 * A dialect from a name (default `'rest'`) or a ready `Dialect` object (a custom one), at once: a
 * named one other than REST loads its modules on its first request (`Protocol.ready`). An unknown
 * name throws `ERR_INVALID_OPTIONS` listing the known ones.
 */
export function resolveDialect(input: DialectName | Dialect | undefined, settings: DialectSettings = {}): Dialect {
  if (input === undefined || input === 'rest') return restDialect
  if (typeof input === 'object' && input !== null) return input
  checkName(input)
  return lazyDialect(DIALECT_MANIFESTS[input], async () => (await FACTORIES[input]())(settings))
}

/** The same, loaded: the dialect object itself (`serve` prints a generated next-auth secret from it). */
export async function loadDialect(input: DialectName | Dialect | undefined, settings: DialectSettings = {}): Promise<Dialect> {
  if (input === undefined) return restDialect
  if (typeof input === 'object' && input !== null) return input
  checkName(input)
  return (await FACTORIES[input]())(settings)
}
