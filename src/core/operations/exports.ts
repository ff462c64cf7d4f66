/** The core's operations: outcomes, not HTTP answers. Dialects encode them in their own wire form. */
export { passwordSignIn, type PasswordCredentials, type SignInOutcome } from './password-sign-in.js'
export { registerUser, type Registration, type RegisterOutcome } from './register-user.js'
export { authenticateAccessToken, liveSession, type Authentication } from './current-session.js'
export { endSessions } from './end-session.js'
export { rotateRefresh, type RefreshOutcome } from './rotate-refresh.js'
export { jwks } from './jwks.js'
export { openSession, startSession, issueAccessToken, tokenAnswer, lifetimes, type OpenedSession, type TokenBody } from '../issue.js'
