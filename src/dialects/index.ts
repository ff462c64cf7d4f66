import { MockAuthError, type Dialect } from '../core/index.js'
import { createBetterAuthDialect, type TrustedOrigins } from './better-auth/index.js'
import { restDialect } from './rest/index.js'

/** What a dialect may be made with; each dialect reads what it needs. */
export interface DialectSettings {
  /** The app's auth secret (next-auth's NEXTAUTH_SECRET / AUTH_SECRET, better-auth's BETTER_AUTH_SECRET). */
  secret?: string
  /** better-auth's trusted origins for its Origin check (the server passes the origins its CORS allows). */
  trustedOrigins?: TrustedOrigins
  /** The app's public URL, for absolute URLs and `Secure` cookies. */
  publicUrl?: string
}

export type DialectFactory = (settings: DialectSettings) => Dialect

/** The dialects mock-auth knows by name; adding one is a folder plus one line here. */
export const DIALECT_NAMES = ['rest', 'next-auth', 'authjs', 'better-auth'] as const
export type DialectName = (typeof DIALECT_NAMES)[number]

const notYet = (name: string): DialectFactory => () => {
  throw new MockAuthError('ERR_INVALID_OPTIONS', `The "${name}" dialect is not available in this version of mock-auth yet; use "rest" meanwhile.`)
}

const FACTORIES: Record<DialectName, DialectFactory> = {
  rest: () => restDialect,
  'next-auth': notYet('next-auth'),
  authjs: notYet('authjs'),
  'better-auth': (settings) => createBetterAuthDialect(settings),
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
