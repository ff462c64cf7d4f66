/**
 * The engine's operations, by the name scenarios use for them (`respond.signIn`). A dialect or a
 * provider maps its routes onto these names, so one scenario works in every protocol. A new
 * operation is a new name here plus its function in `operations/`; nothing else in the core changes.
 */
export const OPERATION_NAMES = [
  'signIn',
  'session',
  'signOut',
  'register',
  'me',
  'refresh',
  'jwks',
  // Issue 13: the flows around sign-in.
  'mfaVerify',
  'verifyEmail',
  'resendVerification',
  'forgotPassword',
  'resetPassword',
  'magicLink',
  'magicLinkVerify',
  // Account operations a dialect's own endpoints perform (better-auth's list/revoke sessions, update user, change password).
  'listSessions',
  'revokeSession',
  'updateUser',
  'changePassword',
  // Social sign-in on the app's side: the provider list, the redirect to a provider, its callback.
  'providers',
  'socialSignIn',
  'socialCallback',
  // The mock identity providers' own endpoints (`/oidc/<id>/...`).
  'providerDiscovery',
  'providerAuthorize',
  'providerToken',
  'providerUserinfo',
  'providerJwks',
  'providerRevoke',
  'providerIntrospect',
  'providerEndSession',
] as const
export type OperationName = (typeof OPERATION_NAMES)[number]

/** The name these had when the only protocol was the REST contract; kept so existing code compiles. */
export type RouteName = OperationName
export const ROUTE_NAMES = OPERATION_NAMES

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value)
}
