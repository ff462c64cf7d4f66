import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MockAuthError, normalizeUsers, validateScenario, type MockAuthErrorCode, type Scenario, type StoredUser } from '../core/kernel.js'

/** What a config file may hold: the `serve` options, by the same names (camelCase or kebab-case). */
export interface ConfigFile {
  /** `rest` (default), `next-auth`, `authjs` or `better-auth`. */
  dialect?: string
  /** The app's public origin, e.g. `https://app.example.com`. */
  publicUrl?: string
  /** Path of a contract file (your backend's routes as data), relative to the config file. */
  contract?: string
  scenario?: string
  port?: number
  host?: string
  basePath?: string
  /** Path of a users file, relative to the config file. */
  users?: string
  /** Path of a scenarios file, relative to the config file. */
  scenarios?: string
  accessTtl?: string
  refreshTtl?: string
  maxNamespaces?: number
  journalSize?: number
  logFormat?: 'text' | 'json'
  maxUsers?: number
  maxSessionsPerUser?: number
  maxRotatedTokens?: number
  issuer?: string
  audience?: string
  /** Path of a private JWK Set file, relative to the config file; created when missing. */
  keys?: string
  alg?: 'ES256' | 'HS256'
  secret?: string
  allowProduction?: boolean
  corsOrigin?: string[]
  /** Mock identity providers besides the built-in google and github (docs/providers.md); checked when the server is made. */
  providers?: unknown[]
  /** Host names answered besides localhost, *.localhost and IP literals; `"*"` answers any. */
  allowedHost?: string[]
}

const CONFIG_TYPES: Record<keyof ConfigFile, 'string' | 'number' | 'boolean' | 'string[]' | 'object[]'> = {
  scenario: 'string',
  port: 'number',
  host: 'string',
  basePath: 'string',
  users: 'string',
  scenarios: 'string',
  accessTtl: 'string',
  refreshTtl: 'string',
  maxNamespaces: 'number',
  journalSize: 'number',
  logFormat: 'string',
  maxUsers: 'number',
  maxSessionsPerUser: 'number',
  maxRotatedTokens: 'number',
  issuer: 'string',
  audience: 'string',
  keys: 'string',
  alg: 'string',
  secret: 'string',
  allowProduction: 'boolean',
  corsOrigin: 'string[]',
  dialect: 'string',
  publicUrl: 'string',
  contract: 'string',
  providers: 'object[]',
  allowedHost: 'string[]',
}

/** Reads a users file: a JSON list of `{id?, username, email?, password, name?, roles?, claims?}`. */
export async function loadUsersFile(path: string): Promise<StoredUser[]> {
  const data = await readJson(path, 'users', 'ERR_INVALID_USERS')
  try {
    return normalizeUsers(data, `users file ${path}`)
  } catch (error) {
    throw rename(error, 'ERR_INVALID_USERS')
  }
}

/**
 * Reads scenarios from a JSON file (one scenario object or an array) or a `.js`/`.mjs` module whose
 * default export, `scenarios` export or named exports are scenarios. Each is checked at once.
 */
export async function loadScenariosFile(path: string): Promise<Scenario[]> {
  const ext = extname(path).toLowerCase()
  let data: unknown
  if (ext === '.js' || ext === '.mjs') {
    const mod = await importModule(path, 'scenarios', 'ERR_INVALID_SCENARIO')
    data = mod.default ?? mod.scenarios ?? Object.values(mod).filter((v) => typeof v === 'object' && v !== null && 'name' in v)
  } else if (ext === '.json' || ext === '') {
    data = await readJson(path, 'scenarios', 'ERR_INVALID_SCENARIO')
  } else {
    throw new MockAuthError('ERR_INVALID_SCENARIO', `Cannot load scenarios file ${path}: use a .json, .js or .mjs file (TypeScript must be compiled first).`)
  }
  const list = Array.isArray(data) ? data : [data]
  if (list.length === 0) throw new MockAuthError('ERR_INVALID_SCENARIO', `Scenarios file ${path} defines no scenario; export an array like [{"name": "my-case", "description": "..."}].`)
  list.forEach((scenario, index) => validateScenario(scenario, `scenario #${index + 1} in ${path}`))
  return list as Scenario[]
}

/** Reads a JSON config file; relative `users`/`scenarios`/`keys` paths are resolved against its folder. */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  const data = await readJson(path, 'config', 'ERR_INVALID_OPTIONS')
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid config file ${path}: expected a JSON object like {"scenario": "expired", "port": 4010}.`)
  }
  const config: Record<string, unknown> = {}
  for (const [rawKey, value] of Object.entries(data)) {
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof ConfigFile
    const type = Object.hasOwn(CONFIG_TYPES, key) ? CONFIG_TYPES[key] : undefined
    if (!type) throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid config file ${path}: unknown key "${rawKey}"; known keys: ${Object.keys(CONFIG_TYPES).join(', ')}.`)
    const ok =
      type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : type === 'object[]' ? Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
      : typeof value === type
    const expected = type === 'string[]' ? 'a list of strings' : type === 'object[]' ? 'a list of objects' : `a ${type}`
    if (!ok) throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid config file ${path}: "${rawKey}" must be ${expected}.`)
    config[key] = value
  }
  const dir = resolve(path, '..')
  for (const key of ['users', 'scenarios', 'contract', 'keys'] as const) if (typeof config[key] === 'string') config[key] = resolve(dir, config[key])
  return config as ConfigFile
}

/** Imports a `.js`/`.mjs` file the user named; a failure says which file and why, in one sentence. */
export async function importModule(path: string, what: string, code: MockAuthErrorCode): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>
  } catch (error) {
    // Node's "Cannot find module X imported from <our file>" names our internals; say it plainly.
    const why = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && !existsSync(resolve(path)) ? 'no such file' : reason(error)
    throw new MockAuthError(code, `Cannot load ${what} file ${path}: ${why}. Check the path and that the module runs under Node.`, { cause: error })
  }
}

export async function readJson(path: string, what: string, code: MockAuthErrorCode): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new MockAuthError(code, `Cannot read ${what} file ${path}: ${missing ? 'no such file' : reason(error)}. Check the path (relative to the current directory).`, { cause: error })
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new MockAuthError(code, `Invalid ${what} file ${path}: not valid JSON (${reason(error)}). Fix the JSON syntax.`, { cause: error })
  }
}

function rename(error: unknown, code: MockAuthErrorCode): unknown {
  return error instanceof MockAuthError && error.code !== code ? new MockAuthError(code, error.message, { cause: error }) : error
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n', 1)[0] ?? String(error) : String(error)
}
