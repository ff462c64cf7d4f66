/** What a mail is for; each kind carries a single-use token of the same kind. */
export type MailKind = 'verify-email' | 'reset-password' | 'magic-link'

/** One mail mock-auth "sent". Nothing leaves the process: tests read it from the mailbox. */
export interface Mail {
  id: string
  to: string
  subject: string
  text: string
  /** The link a user would click, with the token in it. */
  link: string
  /** The token alone, for tests that post it instead of following the link. */
  token: string
  kind: MailKind
  /** When it was sent, on the namespace's clock (ISO 8601). */
  at: string
}

/** Mails kept per namespace; the oldest is forgotten past this (every store is bounded). */
export const MAILBOX_LIMIT = 200

/**
 * A namespace's outbox, newest last. Bounded: a test that signs up in a loop cannot grow it
 * without end. Ids count up per mailbox, so a test can say "the mail after this one".
 */
export class Mailbox {
  readonly #mails: Mail[] = []
  #sent = 0

  constructor(readonly limit = MAILBOX_LIMIT) {}

  send(mail: Omit<Mail, 'id'>): Mail {
    const stored: Mail = { id: `mail-${++this.#sent}`, ...mail }
    this.#mails.push(stored)
    if (this.#mails.length > this.limit) this.#mails.splice(0, this.#mails.length - this.limit)
    return stored
  }

  /** Copies, newest last; `to` filters by recipient, case-insensitively (as logins are matched). */
  list(filter: { to?: string } = {}): Mail[] {
    const to = filter.to?.toLowerCase()
    return this.#mails.filter((mail) => to === undefined || mail.to.toLowerCase() === to).map((mail) => ({ ...mail }))
  }

  get size(): number {
    return this.#mails.length
  }

  /** The mails and the id counter, for the browser entry's reload persistence. */
  snapshot(): { mails: Mail[]; sent: number } {
    return { mails: this.list(), sent: this.#sent }
  }

  static fromSnapshot(snapshot: { mails: Mail[]; sent: number }): Mailbox {
    const box = new Mailbox()
    box.#mails.push(...snapshot.mails.slice(-box.limit))
    box.#sent = snapshot.sent
    return box
  }
}
