import { AUTH_ERRORS, jsonResult, type AuthErrorCode, type AuthResult, type ProtocolError } from '../../core/index.js'

/**
 * better-auth's own answer for each core error: its `{ code, message }` body (better-call's
 * `APIError`) with the status and message its real endpoints use (better-auth 1.7, measured by
 * running it: `BASE_ERROR_CODES` in @better-auth/core). Where better-auth has no native answer the
 * closest part of its stack speaks: the admin plugin's `BANNED_USER` for a locked account, the
 * rate limiter's 429 with `X-Retry-After`.
 */
const NATIVE: Partial<Record<AuthErrorCode, { status: number; code: string; message: string }>> = {
  invalid_credentials: { status: 401, code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' },
  user_exists: { status: 422, code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', message: 'User already exists. Use another email.' },
  invalid_request: { status: 400, code: 'VALIDATION_ERROR', message: 'Validation Error' },
  unsupported_media_type: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type is not allowed. Allowed types: application/x-www-form-urlencoded, application/json' },
  token_expired: { status: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' },
  invalid_token: { status: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' },
  unauthenticated: { status: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' },
  email_not_verified: { status: 403, code: 'EMAIL_NOT_VERIFIED', message: 'Email not verified' },
  account_locked: { status: 403, code: 'BANNED_USER', message: 'You have been banned from this application. Please contact support if you believe this is an error.' },
  rate_limited: { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many requests. Please try again later.' },
  server_error: { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' },
  not_found: { status: 404, code: 'NOT_FOUND', message: 'Not Found' },
  method_not_allowed: { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Method Not Allowed' },
}

/** A better-auth error answer: `{ code, message }` (the client's `error.code` and `error.message`). */
export function betterAuthError(status: number, code: string, message: string, headers: Record<string, string> = {}, extra?: Record<string, unknown>): AuthResult {
  return jsonResult(status, { ...extra, code, message }, headers)
}

/**
 * The protocol's error codec: a core code (from an operation, a refused body or a scenario's
 * canned `respond`) in better-auth's form. Codes better-auth has no name for keep the core's
 * status and become their UPPER_SNAKE name, so they stay stable and greppable.
 */
export function encodeBetterAuthError(error: ProtocolError): AuthResult {
  const native = NATIVE[error.code]
  const status = native?.status ?? AUTH_ERRORS[error.code].status
  const code = native?.code ?? error.code.toUpperCase()
  // A scenario's or an operation's own sentence wins; validation messages say which field failed.
  const message = error.message ?? native?.message ?? AUTH_ERRORS[error.code].message
  const headers: Record<string, string> = { ...error.headers }
  // better-auth's rate limiter sends X-Retry-After (seconds); the standard Retry-After too (RFC 9110 §10.2.3).
  if (error.retryAfterSeconds !== undefined) {
    headers['x-retry-after'] = String(error.retryAfterSeconds)
    headers['retry-after'] = String(error.retryAfterSeconds)
  }
  const result = betterAuthError(status, code, message, headers, error.extra)
  // The core code, whatever the wire says, for the journal (`error`).
  result.error = error.code
  return result
}
