/**
 * Errors thrown at the user of the library (bad options, unknown scenario, bad files). Protocol
 * errors are never thrown: they are answered as JSON (see `error-codes.ts`). Modelled on jose's
 * `JOSEError`: a stable `code` to branch on, a sentence that says what to do.
 */
export type MockAuthErrorCode =
  | 'ERR_INVALID_DURATION'
  | 'ERR_INVALID_OPTIONS'
  | 'ERR_INVALID_USERS'
  | 'ERR_INVALID_SCENARIO'
  | 'ERR_INVALID_CONTRACT'
  | 'ERR_UNKNOWN_SCENARIO'
  | 'ERR_UNKNOWN_USER'
  | 'ERR_USER_EXISTS'
  | 'ERR_INVALID_STATE'
  | 'ERR_LIMIT_EXCEEDED'

export class MockAuthError extends Error {
  readonly code: MockAuthErrorCode

  constructor(code: MockAuthErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'MockAuthError'
  }
}

export function isMockAuthError(value: unknown): value is MockAuthError {
  return value instanceof MockAuthError
}

/** `ERR_UNKNOWN_SCENARIO`, listing the known ones so the caller can fix the name. */
export function unknownScenarioError(name: string, known: Iterable<string>): UnknownScenarioError {
  return Object.assign(new MockAuthError('ERR_UNKNOWN_SCENARIO', `Unknown scenario "${name}". Known scenarios: ${[...known].join(', ')}.`), { scenario: name })
}

/** `ERR_UNKNOWN_SCENARIO` carries the name asked for, so a caller can tell which of its names was wrong without reading the message. */
export type UnknownScenarioError = MockAuthError & { readonly scenario: string }
