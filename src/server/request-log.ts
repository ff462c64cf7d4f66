export interface RequestLogEntry {
  method: string
  path: string
  /** 0 when the connection was dropped (the network-error scenario, or the client went away). */
  status: number
  ms: number
  /** The scenario that answered; undefined for the control API and unknown paths. */
  scenario: string | undefined
  dropped: boolean
}

/** `POST /api/auth/login 200 3ms [expired]` */
export function formatLogLine(entry: RequestLogEntry): string {
  const status = entry.dropped ? 'dropped' : String(entry.status)
  return `${entry.method} ${entry.path} ${status} ${entry.ms}ms${entry.scenario === undefined ? '' : ` [${entry.scenario}]`}`
}
