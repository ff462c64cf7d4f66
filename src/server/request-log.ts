import { readCookies } from '../core/cookies.js'
import { SCENARIO_COOKIE, SCENARIO_HEADER, type AuthRequest, type Engine } from '../core/index.js'
import { namespaceOf } from './control-api.js'

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

/** The scenario a request ran under: its override header or cookie, else its namespace's. */
export function effectiveScenario(engine: Engine, request: AuthRequest): string {
  const override = request.headers.get(SCENARIO_HEADER) ?? (request.headers.get('cookie') === null ? undefined : readCookies(request)[SCENARIO_COOKIE])
  if (override) return override
  return engine.namespace(namespaceOf(request)).scenario.name
}
