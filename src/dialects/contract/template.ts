import { MockAuthError } from '../../core/errors.js'

/** The values a template may name, e.g. `{ accessToken: 'eyJ...', user: { id: 'user123' } }`. */
export type TemplateVars = Readonly<Record<string, unknown>>

/** A compiled template: renders the JSON value for one answer. */
export type Render = (vars: TemplateVars) => unknown

/**
 * What a contract writes where a body, a claim or an error goes: a JSON value whose strings may
 * hold `{{placeholders}}`, or (in a JS config) a function of the same values.
 */
export type TemplateValue = unknown

/** Which placeholders a template may use: exact names, and roots under which any path is fine. */
export interface PlaceholderScope {
  /** Names that stand alone: `accessToken`, `error`. */
  names: readonly string[]
  /** Roots that take a path: `user` allows `{{user}}`, `{{user.id}}`, `{{user.claims.tenant}}`. */
  roots?: readonly string[]
  /** What the template belongs to, for the error sentence: "sign-in's body". */
  what: string
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/
const PATH = /^[A-Za-z_$][\w$]*(?:\.[\w$-]+)*$/

/**
 * Compiles a template once, at load, checking every placeholder against `scope` so a typo fails
 * with a sentence naming the field, not at the first request. Rules:
 * - a string that is exactly one placeholder (`"{{user.roles}}"`) becomes the value itself, with
 *   its JSON type (an array stays an array, a number a number); when the value is missing the
 *   object key is left out (in an array it becomes null);
 * - placeholders inside other text are written as text: strings as they are, other values as
 *   JSON, missing ones as the empty string;
 * - keys are never templated; every other JSON value is kept as written.
 */
export function compileTemplate(template: TemplateValue, where: string, scope: PlaceholderScope, source: string): Render {
  if (typeof template === 'function') {
    const fn = template as (vars: TemplateVars) => unknown
    return (vars) => fn(vars)
  }
  return compileValue(template, where, scope, source)
}

function compileValue(value: unknown, where: string, scope: PlaceholderScope, source: string): Render {
  if (typeof value === 'string') return compileString(value, where, scope, source)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    if (typeof value === 'number' && !Number.isFinite(value)) fail(source, `"${where}" must be a finite number.`)
    return () => value
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileValue(item, `${where}[${index}]`, scope, source))
    return (vars) => items.map((render) => render(vars) ?? null)
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value).map((key) => [key, compileValue((value as Record<string, unknown>)[key], `${where}.${key}`, scope, source)] as const)
    return (vars) => {
      const out: Record<string, unknown> = {}
      for (const [key, render] of entries) {
        const rendered = render(vars)
        // Defined, not assigned: a "__proto__" key stays a key of the answer.
        if (rendered !== undefined) Object.defineProperty(out, key, { value: rendered, enumerable: true, writable: true, configurable: true })
      }
      return out
    }
  }
  return fail(source, `"${where}" must be JSON (a string, number, boolean, null, array or object)${typeof value === 'function' ? '; a function is allowed only for a whole template' : ''}.`)
}

function compileString(text: string, where: string, scope: PlaceholderScope, source: string): Render {
  const whole = WHOLE.exec(text)
  if (whole) {
    const path = checkPath(whole[1] ?? '', where, scope, source)
    return (vars) => lookup(vars, path)
  }
  const parts: Array<string | string[]> = []
  let at = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push(text.slice(at, match.index))
    parts.push(checkPath(match[1] ?? '', where, scope, source))
    at = match.index + match[0].length
  }
  if (parts.length === 0) return () => text
  if (at < text.length) parts.push(text.slice(at))
  return (vars) => parts.map((part) => (typeof part === 'string' ? part : asText(lookup(vars, part)))).join('')
}

function checkPath(raw: string, where: string, scope: PlaceholderScope, source: string): string[] {
  const known = [...scope.names.map((n) => `{{${n}}}`), ...(scope.roots ?? []).map((r) => `{{${r}.<field>}}`)]
  const hint = known.length === 0 ? `${scope.what} has no values to insert; write the value itself.` : `${scope.what} knows ${known.join(', ')}.`
  if (!PATH.test(raw)) fail(source, `"${where}" has a malformed placeholder {{${raw}}}: write a name such as {{accessToken}} or {{user.id}}. ${hint}`)
  const path = raw.split('.')
  const root = path[0] ?? ''
  const ok = path.length === 1 ? scope.names.includes(root) || (scope.roots ?? []).includes(root) : (scope.roots ?? []).includes(root)
  if (!ok) fail(source, `"${where}" uses {{${raw}}}, which ${scope.what} does not know: ${hint}`)
  return path
}

/** Walks own properties only, so `{{user.constructor}}` can never reach a prototype. */
function lookup(vars: TemplateVars, path: readonly string[]): unknown {
  let value: unknown = vars
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function fail(source: string, why: string): never {
  throw new MockAuthError('ERR_INVALID_CONTRACT', `Invalid contract ${source}: ${why}`)
}
