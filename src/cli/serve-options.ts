import type { Options } from 'yargs'
import { DEFAULT_PORT } from './defaults.js'

/**
 * The `serve` flags, declared once: yargs builds the command (help, validation, errors) from this
 * table, and `plainServeArgv` reads the same table to recognise the plain invocations it may parse
 * without loading yargs. Order is the order `--help` lists them in.
 */
export const SERVE_OPTIONS = {
  dialect: { type: 'string', describe: 'Wire protocol: rest, next-auth, authjs or better-auth', defaultDescription: 'rest' },
  contract: { type: 'string', describe: "Your backend's contract file (.json, .js or .mjs): routes, fields, cookies, errors" },
  scenario: { type: 'string', describe: 'Scenario every client starts in', defaultDescription: 'default' },
  port: { type: 'number', describe: 'Port to listen on; 0 picks a free one', defaultDescription: String(DEFAULT_PORT) },
  host: { type: 'string', describe: 'Address to bind', defaultDescription: '127.0.0.1' },
  'base-path': { type: 'string', describe: 'Where the auth routes live', defaultDescription: '/api/auth' },
  users: { type: 'string', describe: 'JSON file with the users (replaces test/test and admin/admin)' },
  scenarios: { type: 'string', describe: 'Your own scenarios (.json, .js or .mjs)' },
  config: { type: 'string', describe: 'JSON file with any of these options; flags win' },
  'access-ttl': { type: 'string', describe: 'Access token lifetime', defaultDescription: '15m' },
  'refresh-ttl': { type: 'string', describe: 'Refresh token (and session cookie) lifetime', defaultDescription: '7d' },
  'max-namespaces': { type: 'number', describe: 'Namespaces kept besides default (least recently used goes)', defaultDescription: '1000' },
  'journal-size': { type: 'number', describe: 'Journal entries kept per namespace (newest first; 0 keeps none)', defaultDescription: '1000' },
  'log-format': { type: 'string', choices: ['text', 'json'], describe: 'Request log: a line of text, or the journal entry as one JSON line', defaultDescription: 'text' },
  alg: { type: 'string', choices: ['ES256', 'HS256'], describe: 'JWT signing algorithm', defaultDescription: 'ES256' },
  secret: { type: 'string', describe: 'rest: shared secret for HS256 (at least 32 characters); next-auth/authjs: the app secret (else NEXTAUTH_SECRET, AUTH_SECRET, else one is made and printed)' },
  'public-url': { type: 'string', describe: "The app's public origin for absolute URLs (next-auth's { url })", defaultDescription: 'X-Forwarded-Proto/Host, else the request origin' },
  'cors-origin': { type: 'string', array: true, describe: 'Origins allowed with credentials (replaces the local default)', defaultDescription: 'any http://localhost, 127.0.0.1 or [::1] port' },
  'allow-production': { type: 'boolean', describe: 'Start even when NODE_ENV=production' },
} as const satisfies Record<string, Options>
