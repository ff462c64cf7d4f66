import { parseBody, type AuthRequest, type AuthResult, type BodyFields, type RouteContext } from '../../core/index.js'
import { encodeBetterAuthError } from './errors.js'
import type { CookieSigner } from './session-cookie.js'

/** What every better-auth route shares, made once per dialect instance. */
export interface BetterAuthDeps {
  signer: CookieSigner
  trusted: (origin: string, request: AuthRequest) => boolean
  publicUrl: string | undefined
}

/** The body as JSON or a form (better-auth takes both), a refusal already in better-auth's form. */
export async function readFields(ctx: RouteContext): Promise<{ ok: true; fields: BodyFields } | { ok: false; result: AuthResult }> {
  const parsed = await parseBody(ctx.request)
  if (parsed.ok) return parsed
  return { ok: false, result: encodeBetterAuthError(parsed.error) }
}

/** A string field, `undefined` when absent; anything else present is better-auth's VALIDATION_ERROR wording. */
export function field(fields: BodyFields, name: string): string | undefined | { invalid: string } {
  const value = fields[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return { invalid: `[body.${name}] Invalid input: expected string, received ${Array.isArray(value) ? 'array' : typeof value}` }
  return value
}

/** Required string fields, in order; the first problems joined as zod and better-call report them. */
export function requiredFields<const N extends readonly string[]>(fields: BodyFields, names: N): { ok: true; values: Record<N[number], string> } | { ok: false; message: string } {
  const problems: string[] = []
  const values = {} as Record<string, string>
  for (const name of names) {
    const value = field(fields, name)
    if (value === undefined) problems.push(`[body.${name}] Invalid input: expected string, received undefined`)
    else if (typeof value === 'object') problems.push(value.invalid)
    else values[name] = value
  }
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, values: values as Record<N[number], string> }
}

/**
 * An email as zod's `z.email()` accepts it (better-auth's schema): no leading, trailing or doubled
 * dot in the local part, a dotted domain ending in at least two letters.
 */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value)
}

/** better-auth's default password bounds (`emailAndPassword.minPasswordLength` / `maxPasswordLength`). */
export const MIN_PASSWORD_LENGTH = 8
export const MAX_PASSWORD_LENGTH = 128
/** Longest name kept (mock-auth's own sign-up bound): every store is bounded. */
export const MAX_NAME_LENGTH = 256
