/**
 * The stable error codes of the HTTP contract, each with its status and a default sentence.
 * Every error body is `{ error, message }` (shaped like RFC 6749 §5.2 `error`, with a human
 * `message` instead of `error_description`).
 */
export const AUTH_ERRORS = {
  invalid_request: { status: 400, message: 'The request is missing a required field or is malformed.' },
  unknown_scenario: { status: 400, message: 'Unknown scenario.' },
  invalid_reset_token: { status: 400, message: 'The password reset link is invalid, used or expired. Ask for a new one.' },
  invalid_verification_token: { status: 400, message: 'The email verification link is invalid, used or expired. Ask for a new one.' },
  invalid_magic_link_token: { status: 400, message: 'The sign-in link is invalid, used or expired. Ask for a new one.' },
  invalid_credentials: { status: 401, message: 'The username or password is incorrect.' },
  token_expired: { status: 401, message: 'The access token has expired. Refresh it or sign in again.' },
  invalid_token: { status: 401, message: 'The access token is invalid.' },
  unauthenticated: { status: 401, message: 'Sign in to access this resource.' },
  invalid_refresh_token: { status: 401, message: 'The refresh token is missing, unknown or revoked. Sign in again.' },
  refresh_token_expired: { status: 401, message: 'The refresh token has expired. Sign in again.' },
  refresh_token_reused: {
    status: 401,
    message: 'The refresh token was already used; its whole session has been revoked. Sign in again.',
  },
  invalid_mfa_code: { status: 401, message: 'The verification code is incorrect. Enter the current code from your authenticator app.' },
  mfa_challenge_expired: { status: 401, message: 'The sign-in challenge has expired or had too many wrong codes. Sign in again.' },
  email_not_verified: { status: 403, message: 'Verify your email address first: follow the link in the verification mail, or ask for a new one.' },
  access_denied: { status: 403, message: 'The user denied the sign-in at the identity provider.' },
  forbidden_origin: {
    status: 403,
    message: 'The control API refuses calls from this origin: only the allowed (CORS) origins may call it.',
  },
  forbidden_host: {
    status: 403,
    message: 'This Host name is not allowed (DNS rebinding protection): use localhost or an IP address, or allow the name with --allowed-host.',
  },
  not_found: { status: 404, message: 'No such route.' },
  method_not_allowed: { status: 405, message: 'Method not allowed on this route.' },
  user_exists: { status: 409, message: 'A user with that username or email already exists.' },
  payload_too_large: { status: 413, message: 'The request body is larger than 100 KB.' },
  unsupported_media_type: {
    status: 415,
    message: 'Send the body as application/json or application/x-www-form-urlencoded.',
  },
  account_locked: { status: 423, message: 'This account is locked.' },
  rate_limited: { status: 429, message: 'Too many attempts. Try again later.' },
  server_error: { status: 500, message: 'The auth server failed (simulated).' },
  service_unavailable: { status: 503, message: 'The auth service is unavailable (simulated).' },
  /** RFC 4918 §11.5 Insufficient Storage: a bounded store is full (the message names the option). */
  limit_exceeded: { status: 507, message: 'This namespace holds as many users as maxUsers allows (default 10,000): raise maxUsers (--max-users) or reset the namespace.' },
} as const satisfies Record<string, { status: number; message: string }>

export type AuthErrorCode = keyof typeof AUTH_ERRORS

export const AUTH_ERROR_CODES = Object.keys(AUTH_ERRORS) as AuthErrorCode[]

export function isAuthErrorCode(value: unknown): value is AuthErrorCode {
  return typeof value === 'string' && Object.hasOwn(AUTH_ERRORS, value)
}
