import type { AuthErrorCode } from '../../core/error-codes.js'
import type { Duration } from '../../core/duration.js'
import type { ContractCookie } from './contract-cookies.js'
import type { PlaceholderScope, Render, TemplateValue } from './template.js'

/** The operations a contract may give a route, by the names scenarios use in `respond`. */
export const CONTRACT_OPERATIONS = ['signIn', 'register', 'session', 'me', 'refresh', 'signOut'] as const
export type ContractOperation = (typeof CONTRACT_OPERATIONS)[number]

/** Where a value is read from: `bearer`, `cookie` (the contract's own), `cookie:NAME`, `header:NAME`, `body:NAME`. */
export type SourceSpec = string

/** A cookie the contract sets: its name and attributes (RFC 6265 §4.1). */
export interface ContractCookieInput {
  name: string
  path?: string
  domain?: string
  /** Default true: page scripts never see the token (RFC 6265 §4.1.2.6). */
  httpOnly?: boolean
  /** Default false: the mock runs on plain http://localhost. */
  secure?: boolean
  /**
   * Default "lax"; false leaves the attribute out. Any string type-checks (`string & {}` keeps the
   * editor's suggestions) because a contract is data: TypeScript types a JSON file's "lax" as
   * `string`. `compileContract` refuses anything else with ERR_INVALID_CONTRACT.
   */
  sameSite?: 'lax' | 'strict' | 'none' | false | (string & {})
  /** Lifetime as `Max-Age`; at most one of maxAge and expires. Default: the refresh token's lifetime. */
  maxAge?: Duration
  /** Lifetime as an `Expires` date this long after the engine's now. */
  expires?: Duration
}

/** How errors look on the wire; per operation it is merged over the contract's own. */
export interface ContractErrorsInput {
  /** `{"code": "{{error}}", "detail": "{{message}}"}`, a bare `"{{message}}"`, or a function. */
  body?: TemplateValue
  /** Status per error code, e.g. `{"invalid_credentials": 400}`. */
  status?: Partial<Record<AuthErrorCode, number>>
  /** The `{{message}}` per error code, e.g. `{"invalid_credentials": "Incorrect password"}`. */
  messages?: Partial<Record<AuthErrorCode, string>>
  /** The `{{error}}` per error code, e.g. `{"invalid_refresh_token": "token_not_valid"}`. */
  codes?: Partial<Record<AuthErrorCode, string>>
}

/** One operation: its route(s), where it reads its inputs, what it answers. */
export interface ContractOperationInput {
  /** `"POST /auth/signin"`, or several routes for one operation. */
  route: string | readonly string[]
  /** Success status (default 201 for register, else 200). */
  status?: number
  /** Success body template; see docs/contracts.md for the placeholders of each operation. */
  body?: TemplateValue
  /** Body field names (signIn: login, password; register: username, email, password, name) or sources (refreshToken). */
  input?: Record<string, string | readonly string[]>
  /** Where an access token is accepted, over the contract's `credentials`. */
  credentials?: readonly SourceSpec[]
  /** Set (sign-in, sign-up, refresh) or clear (sign-out) the contract's cookies; default true. */
  cookies?: boolean
  /** session only: the answer when no credential was sent; false answers `unauthenticated`. */
  anonymous?: { status?: number; body?: TemplateValue } | false
  errors?: ContractErrorsInput
}

/** A contract as written in a JSON file or a JS config. */
export interface ContractInput {
  name?: string
  description?: string
  signIn?: string | ContractOperationInput
  register?: string | ContractOperationInput
  session?: string | ContractOperationInput
  me?: string | ContractOperationInput
  refresh?: string | ContractOperationInput
  signOut?: string | ContractOperationInput
  /** Where an access token is accepted: any of `bearer`, `cookie`, `cookie:NAME`, `header:NAME`, `body:NAME`. */
  credentials?: readonly SourceSpec[]
  /** The cookies sign-in sets and sign-out clears; leave out (or false) for none. */
  cookies?: { access?: ContractCookieInput | false; refresh?: ContractCookieInput | false } | false
  tokens?: {
    accessTokenTtl?: Duration
    refreshTokenTtl?: Duration
    /** Which user field becomes `sub` (default "id"). */
    subject?: 'id' | 'username' | 'email' | (string & {})
    /** Extra claims: a template over `{{user.<field>}}`, or a function of `{ user }`. */
    claims?: TemplateValue
  }
  errors?: ContractErrorsInput
}

export interface ContractRoute {
  method: string
  /** As written, e.g. `/api/token/`. */
  path: string
  operation: ContractOperation
}

export type Source = { from: 'bearer' } | { from: 'cookie' | 'header' | 'body'; name: string }

export interface CompiledErrors {
  body: Render
  status: Partial<Record<AuthErrorCode, number>>
  messages: Partial<Record<AuthErrorCode, string>>
  codes: Partial<Record<AuthErrorCode, string>>
}

export interface CompiledOperation {
  name: ContractOperation
  routes: ContractRoute[]
  status: number
  body: Render
  cookies: boolean
  errors: CompiledErrors
  /** Body field names per input (signIn and register). */
  fields: Record<string, string[]>
  refreshToken: Source[]
  credentials: Source[]
  /** session only; undefined answers `unauthenticated`. */
  anonymous?: { status: number; body: Render }
}

/** A validated contract, its templates compiled: what the contract dialect runs on. */
export interface Contract {
  name: string
  description?: string
  /** Where it came from, for messages: a file path or "option contract". */
  source: string
  operations: Partial<Record<ContractOperation, CompiledOperation>>
  routes: ContractRoute[]
  cookies: { access?: ContractCookie; refresh?: ContractCookie }
  /** The contract's own error settings: for errors outside an operation (404, 405, unknown scenario). */
  errors: CompiledErrors
  tokens: { accessTokenTtl?: Duration; refreshTokenTtl?: Duration; subject: 'id' | 'username' | 'email'; claims?: Render }
}

const TOKEN_NAMES = ['accessToken', 'refreshToken', 'tokenType', 'expiresIn', 'expiresAt', 'refreshTokenExpiresAt', 'sessionId']
const SESSION_NAMES = ['accessToken', 'expiresIn', 'expiresAt', 'sessionId']

/** The placeholders each operation's success body may use. */
export const BODY_SCOPES: Record<ContractOperation, PlaceholderScope> = {
  signIn: { names: TOKEN_NAMES, roots: ['user'], what: 'sign-in' },
  register: { names: TOKEN_NAMES, roots: ['user'], what: 'sign-up' },
  refresh: { names: TOKEN_NAMES, roots: ['user'], what: 'refresh' },
  session: { names: SESSION_NAMES, roots: ['user'], what: 'the session answer' },
  me: { names: SESSION_NAMES, roots: ['user'], what: 'the me answer' },
  signOut: { names: ['revoked'], what: 'sign-out' },
}
export const ANONYMOUS_SCOPE: PlaceholderScope = { names: [], what: 'the signed-out session answer' }
export const ERROR_SCOPE: PlaceholderScope = { names: ['error', 'message', 'status', 'operation', 'retryAfter'], what: 'an error body' }
export const CLAIMS_SCOPE: PlaceholderScope = { names: [], roots: ['user'], what: 'a token claim' }
