import type { FailAnswer, JournalEntry, Mail, OperationName, PendingFailure, PublicUser, StateSummary, UserInput } from '../../src/core/index.js'

/**
 * One contract, every transport: the engine in-process, Express on a real port, MSW in-process
 * (and the browser, in test/browser). Each transport turns a Fetch `Request` into what a client
 * would observe, so the same cases can assert that all of them agree.
 */
export interface ContractResponse {
  status: number
  /** Lower-cased header names, `set-cookie` excluded (see `cookies`). */
  headers: Record<string, string>
  /** Every Set-Cookie value, in order. */
  cookies: string[]
  /** Parsed JSON body, or null when empty. */
  body: unknown
  /** True when the transport dropped the connection (the network-error scenario). */
  networkError?: boolean
}

export interface Transport {
  readonly name: string
  /** The origin requests are addressed to, e.g. `http://127.0.0.1:4321` or `http://localhost`. */
  readonly origin: string
  start(): Promise<void>
  stop(): Promise<void>
  send(request: Request): Promise<ContractResponse>
  /** Test control: the same operations the control API offers, for the default namespace. */
  control: {
    use(scenario: string): Promise<void>
    advance(duration: string): Promise<void>
    reset(): Promise<void>
    /** The default namespace's mails, newest last (`GET /__mock-auth/mailbox?to=` over HTTP). */
    mailbox(to?: string): Promise<Mail[]>
    /** The default namespace's journal (`GET /__mock-auth/journal` over HTTP). */
    journal(since?: number): Promise<JournalEntry[]>
    clearJournal(): Promise<void>
    failNext(operation: OperationName, answer: FailAnswer, times?: number): Promise<PendingFailure[]>
    expire(): Promise<number>
    addUser(user: UserInput): Promise<PublicUser>
    removeUser(id: string): Promise<boolean>
    state(): Promise<StateSummary>
  }
}

/** Options a case may ask its own transport for; every transport builds its engine from them. */
export interface TransportOptions {
  /** Extra scenarios, added to the built-in ones. */
  scenarios?: readonly import('../../src/core/index.js').Scenario[]
  users?: readonly import('../../src/core/index.js').UserInput[]
  accessTokenTtl?: string
  alg?: 'ES256' | 'HS256'
  /** REST: the HS256 secret; another dialect: the app's auth secret. */
  secret?: string
  /** Serve this contract (a custom dialect described by data) instead of the default dialect. */
  contract?: import('../../src/dialects/contract/index.js').Contract | undefined
  /** The wire protocol (default `rest`). */
  dialect?: import('../../src/dialects/index.js').DialectName
  publicUrl?: string
  /** A store bound (users per namespace), to see `limit_exceeded` without 10,000 sign-ups. */
  maxUsers?: number
}

/** How the contract suite gets a transport: adding one to `transports.ts` is a one-line change. */
export interface TransportFactory {
  readonly name: string
  create(options?: TransportOptions): Transport
}
