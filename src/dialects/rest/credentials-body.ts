import { errorResult, parseBody, stringField, tokenFieldProblem, type AuthResult, type RouteContext } from '../../core/kernel.js'

export interface Credentials {
  login: string
  /** Which field the login came from, for sign-up. */
  username?: string
  email?: string
  password: string
  name?: string
}

/** Longest other field in characters (flow bodies: codes, tokens); sign-up fields use `tokenFieldProblem`. */
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
    // username, email and name travel in the token and its cookie: bounded by encoded size (token-fields.ts).
    const problem = value === undefined ? undefined : name === 'password' ? passwordProblem(value) : tokenFieldProblem(name, value)
    if (problem) return { ok: false, result: errorResult('invalid_request', { message: problem }) }
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

function passwordProblem(value: string): string | undefined {
  return value.length > MAX_PASSWORD_LENGTH ? `"password" is longer than ${MAX_PASSWORD_LENGTH} characters.` : undefined
}
