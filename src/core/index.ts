export { Engine, createEngine, namespaceOf, WELL_KNOWN_JWKS_PATH, NAMESPACE_HEADER, NAMESPACE_COOKIE, SCENARIO_HEADER, SCENARIO_COOKIE, DEFAULT_NAMESPACE } from './engine.js'
export { unknownScenarioResult } from './unknown-scenario.js'
export { resolveConfig, normalizeBasePath, DEFAULT_BASE_PATH, DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_MAX_NAMESPACES, type EngineOptions, type EngineConfig } from './config.js'
export { defineScenario, validateScenario, scenarioResponse, appliesToCall, ROUTE_NAMES, OPERATION_NAMES, isOperationName, type OperationName, type Scenario, type RouteName, type ScenarioResponse, type TokenLifetimes } from './scenario.js'
export { parseIsoDate } from './iso-date.js'
export { tokenFieldProblem, MAX_TOKEN_FIELD_BYTES } from './token-fields.js'
export { createClock, toEpochMs, type Clock, type ClockOptions } from './clock.js'
export { parseDuration, type Duration } from './duration.js'
export { MockAuthError, isMockAuthError, type MockAuthErrorCode } from './errors.js'
export { AUTH_ERRORS, AUTH_ERROR_CODES, isAuthErrorCode, type AuthErrorCode } from './error-codes.js'
export { createKeySet, importKeySet, withSigner, exportPrivateJwks, importPrivateJwks, randomSecret, type PrivateJwks, type SignFn, type KeySet, type KeyOptions, type ExportedKeySet, type SigningAlgorithm } from './keys.js'
export { jsonResult, errorResult, emptyResult, headResult, toFetchResponse, bearerChallenge, type AuthResult, type ErrorDetails } from './result.js'
export { MAX_BODY_BYTES, pathnameOf, mediaType, readBodyText, publicOrigin, type AuthRequest } from './request.js'
export { parseBody, stringField, type BodyFields } from './parse-body.js'
export type { Dialect, Protocol, ProtocolRoute, ProtocolError, RouteTable, ErrorContext, MountedProtocol } from './dialect.js'
export { matchRoute, allowHeader, type Mount, type RouteMatch } from './route-match.js'
export type { RouteContext } from './context.js'
export { chooseNextAccount, type SocialProfile, type SocialProvider, type SocialExchange, type ChosenAccount } from './social.js'
export { BoundedMap } from './bounded-map.js'
export {
  passwordSignIn,
  registerUser,
  authenticateAccessToken,
  liveSession,
  extendSession,
  endSessions,
  rotateRefresh,
  jwks,
  openSession,
  startSession,
  issueAccessToken,
  tokenAnswer,
  lifetimes,
  socialSignIn,
  findSocialProvider,
  startSocialSignIn,
  finishSocialSignIn,
  type PendingSocial,
  type SocialStartInput,
  type SocialCallbackOutcome,
  type SocialCallbackFailure,
  type SocialSignInOutcome,
  type PasswordCredentials,
  type SignInOutcome,
  type Registration,
  type RegisterOutcome,
  type Authentication,
  type RefreshOutcome,
  type OpenedSession,
  type TokenBody,
} from './operations/exports.js'
export {
  signInGate,
  isEmailVerified,
  verifyMfa,
  sendVerification,
  resendVerification,
  verifyEmail,
  markVerified,
  forgotPassword,
  resetPassword,
  requestMagicLink,
  consumeMagicLink,
  type SignInGate,
  type FlowDeps,
  type MfaVerifyOutcome,
  type LinkFor,
  type VerifyEmailOutcome,
  type ResetPasswordOutcome,
  type MagicLinkOutcome,
} from './operations/exports.js'
export { NamespaceState, DEFAULT_STATE_LIMIT, MAX_STATE_LIMIT, type StateSummary, type StatePage } from './state.js'
export { Store, EXPIRED_RETENTION_MS, DEFAULT_STORE_LIMITS, maxUsersMessage, type StoreLimits, type StoreSnapshot, type Session, type RefreshLookup } from './store.js'
export { SeedUsers } from './seed-users.js'
export { UserTable, type UserChange } from './user-table.js'
export { DEFAULT_USERS, normalizeUsers, publicUser, type UserInput, type StoredUser, type PublicUser } from './users.js'
export { SESSION_COOKIE, REFRESH_COOKIE, readCookies } from './cookies.js'
export { verifyAccessToken, verifiedClaims, type AccessClaims, type TokenSettings } from './tokens.js'
export { ACCESS_TOKEN_TYPE } from './token-type.js'
export { mintTokens, type MintOptions } from './mint.js'
export { Mailbox, MAILBOX_LIMIT, type Mail, type MailKind } from './mail/mailbox.js'
export { AccountState, type AccountSnapshot } from './mail/account-state.js'
export { MAIL_TOKEN_TTL_MS } from './mail/send-mail.js'
export { MFA_CHALLENGE_TTL_MS, MFA_MAX_FAILURES, type MfaChallenge } from './mfa/challenges.js'
export { hotp, totp, totpCode, verifyTotp, TOTP_WINDOW, type TotpOptions, type TotpAlgorithm } from './mfa/totp.js'
export { base32Decode, base32Encode } from './base32.js'
export { Journal, DEFAULT_JOURNAL_SIZE, type JournalEntry, type JournalListener } from './journal.js'
export { FailNextQueue, MAX_PENDING_FAILURES, type FailAnswer, type FailNextOptions, type PendingFailure } from './fail-next.js'
export { lazyFunction } from './lazy-function.js'
