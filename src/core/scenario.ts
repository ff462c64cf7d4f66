import { parseDuration, type Duration } from './duration.js'
import { isAuthErrorCode, type AuthErrorCode } from './error-codes.js'
import { MockAuthError } from './errors.js'
import { OPERATION_NAMES, type OperationName } from './operation-names.js'

export { OPERATION_NAMES, ROUTE_NAMES, isOperationName, type OperationName, type RouteName } from './operation-names.js'

/** A canned error answer. */
export interface ScenarioResponse {
  error: AuthErrorCode
  message?: string
  /** Adds `Retry-After` (RFC 9110 §10.2.3, in seconds) and `retryAfter` to the body. */
  retryAfter?: Duration
  /** With the `'*'` key: operations that keep working normally. */
  except?: readonly OperationName[]
  /**
   * Only these calls fail, counted per operation since the scenario took effect (1 is the first):
   * `[2]` fails the second call only, `{ from: 3 }` the third and every later one.
   */
  on?: readonly number[] | { from: number }
}

export interface TokenLifetimes {
  /** Access token lifetime; negative issues tokens that are already expired. */
  accessTokenTtl?: Duration
  refreshTokenTtl?: Duration
}

/**
 * A scenario is data: how tokens are issued and which routes answer what. The engine reads it on
 * every request; no handler knows any scenario by name.
 */
export interface Scenario {
  name: string
  /** One line, shown by `mock-auth scenarios` and `GET /__mock-auth/scenarios`. */
  description: string
  /** Lifetimes for every token issued (sign-in, sign-up, refresh, minted). */
  tokens?: TokenLifetimes
  /** Lifetimes for sign-in and sign-up only, over `tokens`; refresh then issues normal tokens. */
  signInTokens?: TokenLifetimes
  /**
   * Operations answered with an error instead of running, in the dialect's own wire form; `'*'` is
   * every operation under the base path.
   */
  respond?: Partial<Record<OperationName | '*', ScenarioResponse>>
  /** Delay before every answer under the base path. */
  delay?: Duration
  /** Drop the connection for every route under the base path. */
  networkError?: boolean
  /**
   * Every password sign-in owes a second factor (an MFA challenge), users with a TOTP secret or not;
   * `fixedCode` (e.g. `'000000'`) is accepted besides a user's own TOTP code.
   */
  requireMfa?: { fixedCode?: string }
  /** Only users who verified their email in this namespace (by a mailed link) may sign in. */
  requireVerifiedEmail?: boolean
  /**
   * Claims laid over every account of the mock identity providers (`/oidc/<id>`), in id_tokens,
   * userinfo and GitHub's `/user/emails`: e.g. `{ email_verified: false }`.
   */
  providerClaims?: Readonly<Record<string, unknown>>
}

const KEYS = new Set(['name', 'description', 'tokens', 'signInTokens', 'respond', 'delay', 'networkError', 'requireMfa', 'requireVerifiedEmail', 'providerClaims'])
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/

/**
 * Declares a scenario, checking it at once so a typo fails at load time with a sentence that says
 * what to fix, not at the first request.
 */
export function defineScenario<const S extends Scenario>(scenario: S): S {
  validateScenario(scenario)
  return scenario
}

/** Checks a scenario that came from anywhere (a user's file included). */
export function validateScenario(input: unknown, source = 'scenario'): asserts input is Scenario {
  const fail = (why: string): never => {
    throw new MockAuthError('ERR_INVALID_SCENARIO', `Invalid ${source}: ${why}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('expected an object like {"name": "my-case", "description": "..."}.')
  const s = input as Record<string, unknown>
  if (typeof s.name !== 'string' || !NAME.test(s.name)) fail(`"name" must be lower-case letters, digits and dashes (got ${JSON.stringify(s.name)}).`)
  const where = `${source} "${String(s.name)}"`
  const failAt = (why: string): never => {
    throw new MockAuthError('ERR_INVALID_SCENARIO', `Invalid ${where}: ${why}`)
  }
  if (typeof s.description !== 'string' || s.description === '') failAt('"description" must be a non-empty string.')
  for (const key of Object.keys(s)) if (!KEYS.has(key)) failAt(`unknown field "${key}"; known fields: ${[...KEYS].join(', ')}.`)
  for (const field of ['tokens', 'signInTokens'] as const) {
    const lifetimes = s[field]
    if (lifetimes === undefined) continue
    if (typeof lifetimes !== 'object' || lifetimes === null) failAt(`"${field}" must be an object.`)
    for (const [key, value] of Object.entries(lifetimes as object)) {
      if (key !== 'accessTokenTtl' && key !== 'refreshTokenTtl') failAt(`"${field}.${key}" is not a token lifetime; use accessTokenTtl or refreshTokenTtl.`)
      checkDuration(value, `${where} ${field}.${key}`)
    }
  }
  if (s.delay !== undefined) {
    // A token lifetime may be negative (already expired); a wait cannot.
    if (checkDuration(s.delay, `${where} delay`) < 0) throw new MockAuthError('ERR_INVALID_SCENARIO', `Invalid ${where} delay ${JSON.stringify(s.delay)}: a delay cannot be negative; use 0 or a duration such as "1s".`)
  }
  if (s.networkError !== undefined && typeof s.networkError !== 'boolean') failAt('"networkError" must be true or false.')
  if (s.requireVerifiedEmail !== undefined && typeof s.requireVerifiedEmail !== 'boolean') failAt('"requireVerifiedEmail" must be true or false.')
  if (s.requireMfa !== undefined) {
    const mfa = s.requireMfa as Record<string, unknown> | null
    if (typeof mfa !== 'object' || mfa === null || Object.keys(mfa).some((k) => k !== 'fixedCode')) failAt('"requireMfa" must be an object like {"fixedCode": "000000"}.')
    const code = (mfa as Record<string, unknown>).fixedCode
    if (code !== undefined && !(typeof code === 'string' && /^\d{6}$/.test(code))) failAt('"requireMfa.fixedCode" must be six digits such as "000000".')
  }
  if (s.providerClaims !== undefined && (typeof s.providerClaims !== 'object' || s.providerClaims === null || Array.isArray(s.providerClaims))) {
    failAt('"providerClaims" must be an object of claims, e.g. {"email_verified": false}.')
  }
  for (const claim of ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce']) {
    if (s.providerClaims !== undefined && Object.hasOwn(s.providerClaims as object, claim)) failAt(`"providerClaims.${claim}" describes the token, not the account; remove it.`)
  }
  if (s.respond !== undefined) {
    if (typeof s.respond !== 'object' || s.respond === null) failAt('"respond" must be an object keyed by route.')
    for (const [route, answer] of Object.entries(s.respond as object)) {
      if (route !== '*' && !(OPERATION_NAMES as readonly string[]).includes(route)) failAt(`"respond.${route}" is not a route; use one of *, ${OPERATION_NAMES.join(', ')}.`)
      const a = answer as Record<string, unknown> | null
      if (typeof a !== 'object' || a === null || !isAuthErrorCode(a.error)) failAt(`"respond.${route}.error" must be an error code such as "server_error".`)
      const spec = a as Record<string, unknown>
      if (spec.message !== undefined && typeof spec.message !== 'string') failAt(`"respond.${route}.message" must be a string.`)
      if (spec.retryAfter !== undefined) checkDuration(spec.retryAfter, `${where} respond.${route}.retryAfter`)
      if (spec.on !== undefined) checkCalls(spec.on, `${where} respond.${route}.on`)
      if (spec.except !== undefined && !(Array.isArray(spec.except) && spec.except.every((r) => (OPERATION_NAMES as readonly unknown[]).includes(r)))) {
        failAt(`"respond.${route}.except" must list routes (${OPERATION_NAMES.join(', ')}).`)
      }
    }
  }
}

function checkCalls(value: unknown, what: string): void {
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 1
  const ok = Array.isArray(value) ? value.length > 0 && value.every(count) : typeof value === 'object' && value !== null && Object.keys(value).join() === 'from' && count((value as { from: unknown }).from)
  if (!ok) throw new MockAuthError('ERR_INVALID_SCENARIO', `Invalid ${what}: expected call numbers such as [2] or [1, 3], or { "from": 2 } (calls count from 1).`)
}

/** Whether a `respond` answer applies to the `call`-th call (1-based) of its operation. */
export function appliesToCall(answer: ScenarioResponse, call: number): boolean {
  const on = answer.on
  if (on === undefined) return true
  return Array.isArray(on) ? on.includes(call) : call >= (on as { from: number }).from
}

/** The duration in milliseconds, or ERR_INVALID_SCENARIO naming `what`. */
function checkDuration(value: unknown, what: string): number {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new MockAuthError('ERR_INVALID_SCENARIO', `Invalid ${what}: expected a duration such as "15m".`)
  }
  return parseDuration(value, what)
}

/** The scenario answer for an operation, if the scenario overrides it. */
export function scenarioResponse(scenario: Scenario, route: OperationName): ScenarioResponse | undefined {
  const specific = scenario.respond?.[route]
  if (specific) return specific
  const all = scenario.respond?.['*']
  if (all && !all.except?.includes(route)) return all
  return undefined
}
