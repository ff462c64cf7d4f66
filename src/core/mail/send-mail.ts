import type { NamespaceState } from '../state.js'
import type { RandomPool } from '../random-pool.js'
import type { Mail, MailKind } from './mailbox.js'

/** How long each mailed token lives on the engine clock. */
export const MAIL_TOKEN_TTL_MS: Record<MailKind, number> = {
  // The issue's contract: a reset link is good for 30 minutes.
  'reset-password': 30 * 60_000,
  'verify-email': 24 * 3_600_000,
  'magic-link': 15 * 60_000,
}

const WORDING: Record<MailKind, { subject: string; text: (link: string, minutes: number) => string }> = {
  'verify-email': {
    subject: 'Verify your email address',
    text: (link, minutes) => `Confirm this address by opening the link below (valid ${minutes / 60} hours):\n\n${link}\n`,
  },
  'reset-password': {
    subject: 'Reset your password',
    text: (link, minutes) => `Someone asked to reset your password. Choose a new one here (valid ${minutes} minutes):\n\n${link}\n\nIf it was not you, ignore this mail.`,
  },
  'magic-link': {
    subject: 'Your sign-in link',
    text: (link, minutes) => `Open this link to sign in (valid ${minutes} minutes, once):\n\n${link}\n`,
  },
}

/** What a mail needs besides its kind: who, and the link a dialect builds around the token. */
export interface MailRequest {
  kind: MailKind
  to: string
  /** The user the token acts for; empty for a magic link to an address with no user yet. */
  userId: string
  /** The clickable link for a token (the dialect knows its routes and the app's pages). */
  link: (token: string) => string
  /** Kept with the token: where following a magic link sends the browser. */
  redirectTo?: string
}

export interface MailDeps {
  state: NamespaceState
  random: RandomPool
  now: number
}

/** Issues a single-use token of the mail's kind and puts the mail in the namespace's mailbox. */
export function sendMail(deps: MailDeps, request: MailRequest): Mail {
  const account = deps.state.account
  const expiresAt = deps.now + MAIL_TOKEN_TTL_MS[request.kind]
  const entry = { kind: request.kind, userId: request.userId, email: request.to, expiresAt, ...(request.redirectTo === undefined ? {} : { redirectTo: request.redirectTo }) }
  const token = account.tokens.issue(entry, deps.random.bytes(32))
  const link = request.link(token)
  const wording = WORDING[request.kind]
  return account.mailbox.send({
    to: request.to,
    subject: wording.subject,
    text: wording.text(link, MAIL_TOKEN_TTL_MS[request.kind] / 60_000),
    link,
    token,
    kind: request.kind,
    at: new Date(deps.now).toISOString(),
  })
}
