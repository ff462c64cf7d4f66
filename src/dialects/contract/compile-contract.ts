import { parseDuration } from '../../core/duration.js'
import { contractCookie, type ContractCookie } from './contract-cookies.js'
import { failer, isObject, parseErrors, parseFields, parseRoutes, parseSources, routeKey, type Fail } from './contract-parts.js'
import {
  ANONYMOUS_SCOPE,
  BODY_SCOPES,
  CLAIMS_SCOPE,
  CONTRACT_OPERATIONS,
  type CompiledErrors,
  type CompiledOperation,
  type Contract,
  type ContractOperation,
  type Source,
} from './contract-types.js'
import { compileTemplate } from './template.js'

const TOP_KEYS = new Set<string>(['name', 'description', 'credentials', 'cookies', 'tokens', 'errors', ...CONTRACT_OPERATIONS])
const OPERATION_KEYS = new Set(['route', 'status', 'body', 'input', 'credentials', 'cookies', 'anonymous', 'errors'])
const ALIASES: Record<string, ContractOperation> = { signUp: 'register', signup: 'register', login: 'signIn', signin: 'signIn', logout: 'signOut', signout: 'signOut' }
const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'sid'])

/** The input fields each operation reads from the body, and their defaults. */
const INPUT_FIELDS: Partial<Record<ContractOperation, Record<string, readonly string[]>>> = {
  signIn: { login: ['username', 'email'], password: ['password'] },
  register: { username: ['username'], email: ['email'], password: ['password'], name: ['name'] },
}

/** The body each operation answers when the contract gives none: the rest dialect's fields. */
const DEFAULT_BODIES: Record<ContractOperation, unknown> = {
  signIn: { user: '{{user}}', accessToken: '{{accessToken}}', refreshToken: '{{refreshToken}}', tokenType: '{{tokenType}}', expiresIn: '{{expiresIn}}', expiresAt: '{{expiresAt}}' },
  register: { user: '{{user}}', accessToken: '{{accessToken}}', refreshToken: '{{refreshToken}}', tokenType: '{{tokenType}}', expiresIn: '{{expiresIn}}', expiresAt: '{{expiresAt}}' },
  refresh: { user: '{{user}}', accessToken: '{{accessToken}}', refreshToken: '{{refreshToken}}', tokenType: '{{tokenType}}', expiresIn: '{{expiresIn}}', expiresAt: '{{expiresAt}}' },
  session: { authenticated: true, user: '{{user}}', expiresAt: '{{expiresAt}}' },
  me: { user: '{{user}}' },
  signOut: { message: 'Signed out', revoked: '{{revoked}}' },
}

/**
 * Validates a contract (from a JSON file or a JS config) once, compiling its templates. Every
 * problem throws `MockAuthError` `ERR_INVALID_CONTRACT` with a sentence naming the field and the fix.
 */
export function compileContract(input: unknown, source = 'option "contract"'): Contract {
  const fail: Fail = failer(source)
  if (!isObject(input)) fail('expected an object like {"signIn": "POST /auth/signin"}.')
  for (const key of Object.keys(input)) {
    if (TOP_KEYS.has(key)) continue
    const alias = ALIASES[key]
    fail(alias ? `"${key}" is not an operation name; write "${alias}".` : `unknown field "${key}"; known fields: ${[...TOP_KEYS].join(', ')}.`)
  }
  for (const key of ['name', 'description'] as const) if (input[key] !== undefined && typeof input[key] !== 'string') fail(`"${key}" must be a string.`)
  const cookies = parseCookies(input.cookies, source, fail)
  const errors = parseErrors(input.errors, 'errors', undefined, source, fail)
  const credentials = input.credentials === undefined ? defaultCredentials(cookies.access) : parseSources(input.credentials, 'credentials', ['bearer', 'cookie', 'header', 'body'], cookies.access?.name, fail)

  const operations: Contract['operations'] = {}
  const routes: Contract['routes'] = []
  const seen = new Map<string, string>()
  for (const name of CONTRACT_OPERATIONS) {
    if (input[name] === undefined) continue
    const op = compileOperation(name, input[name], { cookies, errors, credentials, source, fail })
    for (const route of op.routes) {
      const key = routeKey(route.method, route.path)
      const other = seen.get(key)
      if (other !== undefined) fail(`${route.method} ${route.path} is the route of both ${other} and ${name}; give each operation its own route.`)
      seen.set(key, name)
      routes.push(route)
    }
    operations[name] = op
  }
  if (routes.length === 0) fail(`it defines no operation; add at least one of ${CONTRACT_OPERATIONS.join(', ')}, e.g. "signIn": "POST /auth/signin".`)

  const contract: Contract = {
    name: typeof input.name === 'string' ? input.name : 'contract',
    source,
    operations,
    routes,
    cookies,
    errors,
    tokens: parseTokens(input.tokens, source, fail),
  }
  if (typeof input.description === 'string') contract.description = input.description
  return contract
}

interface Shared {
  cookies: Contract['cookies']
  errors: CompiledErrors
  credentials: Source[]
  source: string
  fail: Fail
}

function compileOperation(name: ContractOperation, raw: unknown, shared: Shared): CompiledOperation {
  const fail: Fail = shared.fail
  const source = shared.source
  const spec: Record<string, unknown> = typeof raw === 'string' || Array.isArray(raw) ? { route: raw } : isObject(raw) ? raw : fail(`"${name}" must be "METHOD /path" or an object with "route".`)
  for (const key of Object.keys(spec)) if (!OPERATION_KEYS.has(key)) fail(`"${name}.${key}" is not an operation setting; use ${[...OPERATION_KEYS].join(', ')}.`)
  if (spec.route === undefined) fail(`"${name}.route" is missing: write e.g. "route": "POST /auth/signin".`)
  const status = spec.status ?? (name === 'register' ? 201 : 200)
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) fail(`"${name}.status" must be a success status from 200 to 299.`)
  if (typeof spec.cookies !== 'boolean' && spec.cookies !== undefined) fail(`"${name}.cookies" must be true or false.`)
  if (spec.anonymous !== undefined && name !== 'session') fail(`"${name}.anonymous" applies only to session; ${name} without a credential answers the unauthenticated error.`)
  if (spec.credentials !== undefined && (name === 'signIn' || name === 'register' || name === 'refresh')) fail(`"${name}.credentials" does not apply: ${name} takes no access token.`)
  const op: CompiledOperation = {
    name,
    routes: parseRoutes(spec.route, `${name}.route`, name, fail),
    status,
    body: compileTemplate(spec.body === undefined ? DEFAULT_BODIES[name] : spec.body, `${name}.body`, BODY_SCOPES[name], source),
    cookies: spec.cookies !== false,
    errors: parseErrors(spec.errors, `${name}.errors`, shared.errors, source, fail),
    fields: parseInput(name, spec.input, fail),
    refreshToken: name === 'refresh' || name === 'signOut' ? refreshSources(name, spec.input, shared) : [],
    credentials: spec.credentials === undefined ? shared.credentials : parseSources(spec.credentials, `${name}.credentials`, ['bearer', 'cookie', 'header', 'body'], shared.cookies.access?.name, fail),
  }
  if (name === 'session') {
    const anonymous = spec.anonymous ?? {}
    if (anonymous !== false) {
      if (!isObject(anonymous)) fail('"session.anonymous" must be {"status": 200, "body": {...}} or false.')
      for (const key of Object.keys(anonymous)) if (key !== 'status' && key !== 'body') fail(`"session.anonymous.${key}" is not a setting; use status and body.`)
      const anonStatus = anonymous.status ?? 200
      if (typeof anonStatus !== 'number' || !Number.isInteger(anonStatus) || anonStatus < 200 || anonStatus > 599) fail('"session.anonymous.status" must be an HTTP status from 200 to 599.')
      const body = anonymous.body === undefined ? { authenticated: false, user: null } : anonymous.body
      op.anonymous = { status: anonStatus, body: compileTemplate(body, 'session.anonymous.body', ANONYMOUS_SCOPE, source) }
    }
  }
  return op
}

function parseInput(name: ContractOperation, raw: unknown, fail: Fail): Record<string, string[]> {
  const fields = INPUT_FIELDS[name]
  const out: Record<string, string[]> = {}
  for (const [key, names] of Object.entries(fields ?? {})) out[key] = [...names]
  if (raw === undefined) return out
  if (!isObject(raw)) fail(`"${name}.input" must be an object, e.g. {"login": "email"}.`)
  const allowed = name === 'refresh' || name === 'signOut' ? ['refreshToken'] : Object.keys(fields ?? {})
  for (const [key, value] of Object.entries(raw)) {
    if (!allowed.includes(key)) fail(allowed.length === 0 ? `"${name}.input" does not apply: ${name} reads no body fields.` : `"${name}.input.${key}" is not an input of ${name}; use ${allowed.join(', ')}.`)
    if (key !== 'refreshToken') out[key] = parseFields(value, `${name}.input.${key}`, fail)
  }
  return out
}

function refreshSources(name: ContractOperation, raw: unknown, shared: Shared): Source[] {
  const given = isObject(raw) ? raw.refreshToken : undefined
  const own = shared.cookies.refresh?.name
  if (given === undefined) return [{ from: 'body', name: 'refreshToken' }, ...(own === undefined ? [] : [{ from: 'cookie' as const, name: own }])]
  const list = typeof given === 'string' ? [given] : given
  return parseSources(list, `${name}.input.refreshToken`, ['body', 'cookie', 'header'], own, shared.fail)
}

function defaultCredentials(access: ContractCookie | undefined): Source[] {
  return access === undefined ? [{ from: 'bearer' }] : [{ from: 'bearer' }, { from: 'cookie', name: access.name }]
}

function parseCookies(raw: unknown, source: string, fail: Fail): Contract['cookies'] {
  if (raw === undefined || raw === false) return {}
  if (!isObject(raw)) fail('"cookies" must be {"access": {...}, "refresh": {...}}, or false for none.')
  const out: Contract['cookies'] = {}
  for (const key of Object.keys(raw)) {
    if (key !== 'access' && key !== 'refresh') fail(`"cookies.${key}" is not a cookie of the contract; use access (holds the access token) and refresh.`)
    const spec = raw[key]
    if (spec !== false && spec !== undefined) out[key] = contractCookie(spec, `cookies.${key}`, source)
  }
  if (out.access && out.refresh && out.access.name === out.refresh.name && out.access.path === out.refresh.path) {
    fail(`"cookies.access" and "cookies.refresh" are both "${out.access.name}" on ${out.access.path}: give them different names.`)
  }
  return out
}

function parseTokens(raw: unknown, source: string, fail: Fail): Contract['tokens'] {
  const tokens: Contract['tokens'] = { subject: 'id' }
  if (raw === undefined) return tokens
  if (!isObject(raw)) fail('"tokens" must be an object with any of accessTokenTtl, refreshTokenTtl, subject, claims.')
  for (const key of Object.keys(raw)) {
    if (!['accessTokenTtl', 'refreshTokenTtl', 'subject', 'claims'].includes(key)) fail(`"tokens.${key}" is not a token setting; use accessTokenTtl, refreshTokenTtl, subject or claims.`)
  }
  for (const key of ['accessTokenTtl', 'refreshTokenTtl'] as const) {
    const value = raw[key]
    if (value === undefined) continue
    if (typeof value !== 'number' && typeof value !== 'string') fail(`"tokens.${key}" must be a duration such as "1h".`)
    if (parseDuration(value, `contract ${source} tokens.${key}`) <= 0) fail(`"tokens.${key}" must be positive; use the "expired" scenario for expired tokens.`)
    tokens[key] = value
  }
  if (raw.subject !== undefined) {
    if (raw.subject !== 'id' && raw.subject !== 'username' && raw.subject !== 'email') fail(`"tokens.subject" names the user field that becomes "sub": "id", "username" or "email" (got ${JSON.stringify(raw.subject)}).`)
    tokens.subject = raw.subject
  }
  if (raw.claims !== undefined) {
    if (typeof raw.claims !== 'function') {
      if (!isObject(raw.claims)) fail('"tokens.claims" must be an object of extra claims, e.g. {"role": "{{user.roles}}"}.')
      for (const key of Object.keys(raw.claims)) {
        if (RESERVED_CLAIMS.has(key)) fail(`"tokens.claims.${key}" is a registered claim the engine sets (RFC 7519 §4.1); ${key === 'sub' ? 'choose the user field with "tokens.subject"' : 'leave it out'}.`)
      }
    }
    tokens.claims = compileTemplate(raw.claims, 'tokens.claims', CLAIMS_SCOPE, source)
  }
  return tokens
}
