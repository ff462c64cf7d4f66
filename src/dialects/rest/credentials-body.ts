import { errorResult, parseBody, stringField, type AuthResult, type RouteContext } from '../../core/index.js'

export interface Credentials {
  login: string
  /** Which field the login came from, for sign-up. */
  username?: string
  email?: string
  password: string
  name?: string
}

/**
 * Longest accepted username, email or name. They travel in the access token, and the token in the
 * `session` cookie: a browser keeps cookies up to 4096 bytes (RFC 6265 §6.1) and Node refuses
 * response headers over 16 KB, so a longer sign-up would issue a cookie no client can hold.
 */
export const MAX_FIELD_LENGTH = 256
/** Passwords never enter a token; this only bounds what is stored and compared. */
export const MAX_PASSWORD_LENGTH = 1024

/** Reads `{username or email, password, name?}` from a JSON or form body. */
export async function readCredentials(ctx: RouteContext): Promise<{ ok: true; credentials: Credentials } | { ok: false; result: AuthResult }> {
  const parsed = await parseBody(ctx.request)
  if (!parsed.ok) return parsed
  const values: Record<string, string | undefined> = {}
  for (const name of ['username', 'email', 'password', 'name']) {
    const value = stringField(parsed.fields, name)
    if (typeof value === 'object') return { ok: false, result: errorResult('invalid_request', { message: value.invalid }) }
    const max = name === 'password' ? MAX_PASSWORD_LENGTH : MAX_FIELD_LENGTH
    if (value !== undefined && value.length > max) {
      return { ok: false, result: errorResult('invalid_request', { message: `"${name}" is longer than ${max} characters.` }) }
    }
    values[name] = value
  }
  const login = values.username || values.email
  if (!login || !values.password) {
    return { ok: false, result: errorResult('invalid_request', { message: 'Send "username" (or "email") and "password".' }) }
  }
  const credentials: Credentials = { login, password: values.password }
  if (values.username) credentials.username = values.username
  if (values.email) credentials.email = values.email
  if (values.name) credentials.name = values.name
  return { ok: true, credentials }
}
