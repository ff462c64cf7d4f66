import type { Options } from 'yargs'
import { DEFAULT_PORT } from './defaults.js'

/**
 * The `serve` flags, declared once: yargs builds the command (help, validation, errors) from this
 * table, and `plainServeArgv` reads the same table to recognise the plain invocations it may parse
 * without loading yargs. Order is the order `--help` lists them in.
 */
// `requiresArg`: `--port` with no value is an error, not the default port.
export const SERVE_OPTIONS = {
  dialect: { type: 'string', requiresArg: true, describe: 'Wire protocol: rest, next-auth, authjs or better-auth', defaultDescription: 'rest' },
  contract: { type: 'string', requiresArg: true, describe: "Your backend's contract file (.json, .js or .mjs): routes, fields, cookies, errors" },
  scenario: { type: 'string', requiresArg: true, describe: 'Scenario every client starts in', defaultDescription: 'default' },
  port: { type: 'number', requiresArg: true, describe: 'Port to listen on; 0 picks a free one', defaultDescription: String(DEFAULT_PORT) },
  host: { type: 'string', requiresArg: true, describe: 'Address to bind (beyond loopback, the control API is reachable from the network)', defaultDescription: '127.0.0.1' },
  'allowed-host': { type: 'string', array: true, requiresArg: true, describe: 'A Host name to answer besides localhost, *.localhost and IP addresses (repeatable; "*" answers any)' },
  'base-path': { type: 'string', requiresArg: true, describe: 'Where the auth routes live', defaultDescription: '/api/auth' },
  users: { type: 'string', requiresArg: true, describe: 'JSON file with the users (replaces test/test and admin/admin)' },
  scenarios: { type: 'string', requiresArg: true, describe: 'Your own scenarios (.json, .js or .mjs)' },
  config: { type: 'string', requiresArg: true, describe: 'JSON file with any of these options; flags win' },
  'access-ttl': { type: 'string', requiresArg: true, describe: 'Access token lifetime', defaultDescription: '15m' },
  'refresh-ttl': { type: 'string', requiresArg: true, describe: 'Refresh token (and session cookie) lifetime', defaultDescription: '7d' },
  issuer: { type: 'string', requiresArg: true, describe: 'The tokens\' iss claim', defaultDescription: 'https://mock-auth.invalid' },
  audience: { type: 'string', requiresArg: true, describe: 'The tokens\' aud claim', defaultDescription: 'mock-auth' },
  keys: { type: 'string', requiresArg: true, describe: 'JWK Set file with the private signing key; created when missing (see mock-auth keys)' },
  alg: { type: 'string', requiresArg: true, describe: 'JWT signing algorithm: ES256 or HS256 (any case)', defaultDescription: 'ES256' },
  secret: { type: 'string', requiresArg: true, describe: 'rest: shared secret for HS256 (at least 32 characters); next-auth/authjs: the app secret (else NEXTAUTH_SECRET, AUTH_SECRET, else one is made and printed)' },
  'public-url': { type: 'string', requiresArg: true, describe: "The app's public origin for absolute URLs (next-auth's { url })", defaultDescription: 'X-Forwarded-Proto/Host, else the request origin' },
  'cors-origin': { type: 'string', array: true, requiresArg: true, describe: 'Origins allowed with credentials (replaces the local default)', defaultDescription: 'any http://localhost, 127.0.0.1 or [::1] port' },
  'max-namespaces': { type: 'number', requiresArg: true, describe: 'Namespaces kept besides default (least recently used goes)', defaultDescription: '1000' },
  'max-users': { type: 'number', requiresArg: true, describe: 'Users a namespace adds beyond the seed (sign-up past it answers 507)', defaultDescription: '10000' },
  'max-sessions-per-user': { type: 'number', requiresArg: true, describe: 'Live sessions per user (the oldest is revoked)', defaultDescription: '1000' },
  'max-rotated-tokens': { type: 'number', requiresArg: true, describe: 'Exchanged refresh tokens kept per family for reuse detection', defaultDescription: '100' },
  'journal-size': { type: 'number', requiresArg: true, describe: 'Journal entries kept per namespace (the newest; 0 keeps none)', defaultDescription: '1000' },
  'log-format': { type: 'string', requiresArg: true, choices: ['text', 'json'], describe: 'Request log: a line of text, or the journal entry as one JSON line', defaultDescription: 'text' },
  'allow-production': { type: 'boolean', describe: 'Start even when NODE_ENV=production' },
} as const satisfies Record<string, Options>
