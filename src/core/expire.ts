import type { Session } from './store.js'

/**
 * `expire()` (see `NamespaceState.expire`) marks each live session with the clock time it was
 * called at. Access tokens carry whole seconds (`iat`, RFC 7519 §4.1.6), so a token refreshed in
 * the same second as the expiry looks as old as the ones it replaced: those are listed as exempt
 * when issued.
 */
export function expiredEarly(session: Session, claims: { iat: number; jti: string }): boolean {
  const at = session.accessExpiredAt
  return at !== undefined && claims.iat * 1000 <= at && !(session.accessExempt?.includes(claims.jti) ?? false)
}

/** Called for every access token issued for a session: one issued after an expiry stays valid. */
export function exemptIfExpired(session: Session, token: { jti: string; exp: number }, iatSeconds: number): void {
  const at = session.accessExpiredAt
  if (at === undefined || iatSeconds * 1000 > at) return
  const exempt = (session.accessExempt ??= [])
  // Bounded: only tokens issued within the expiry's second (or after the clock was set back) land here.
  if (exempt.length >= 100) exempt.shift()
  exempt.push(token.jti)
}
