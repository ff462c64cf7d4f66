import { jsonResult } from '../../core/index.js'
import { clockBody, postClock } from './clock.js'
import type { ControlHandler } from './context.js'
import { getMailbox } from './mailbox.js'
import { postExpire, postFailNext } from './failures.js'
import { deleteJournal, getJournal } from './journal.js'
import { getProviders, postNextAccount } from './providers.js'
import { putScenario, scenarioBody } from './scenario.js'
import { getState } from './state.js'
import { postToken } from './token.js'
import { deleteUser, postUser } from './users.js'
import { getAsset, getDashboard } from './dashboard.js'
import { deleteSession, getNamespaces } from './sessions.js'

/** Each control path (under `/__mock-auth`) and the handler for each method it allows. */
export const CONTROL_ROUTES: Record<string, Record<string, ControlHandler>> = {
  // The dashboard: a page over this same API (`GET /__mock-auth/`), and its compiled modules.
  '': { GET: getDashboard },
  '/assets/:file': { GET: getAsset },
  '/namespaces': { GET: getNamespaces },
  '/sessions/:id': { DELETE: deleteSession },
  '/health': { GET: () => jsonResult(200, { status: 'ok' }) },
  '/scenarios': {
    GET: ({ engine }) => jsonResult(200, [...engine.config.scenarios.values()].map(({ name, description }) => ({ name, description }))),
  },
  '/scenario': { GET: ({ state }) => scenarioBody(state), PUT: putScenario },
  '/reset': {
    POST: ({ state }) => {
      state.reset()
      return jsonResult(200, { status: 'reset', namespace: state.name, scenario: state.scenario.name })
    },
  },
  '/clock': { GET: ({ state }) => clockBody(state), POST: postClock },
  '/token': { POST: postToken },
  '/state': { GET: getState },
  '/mailbox': { GET: getMailbox },
  '/journal': { GET: getJournal, DELETE: deleteJournal },
  '/fail-next': { POST: postFailNext },
  '/expire': { POST: postExpire },
  '/users': { POST: postUser },
  '/users/:id': { DELETE: deleteUser },
  '/providers': { GET: getProviders },
  '/providers/next-account': { POST: postNextAccount },
}

const PARAM_ROUTES = Object.keys(CONTROL_ROUTES).filter((key) => key.includes('/:'))

/** A path of a parameterised route (`/users/<id>`, `/sessions/<id>`, `/assets/<file>`) as its table key plus the decoded parameter. */
export function matchParamRoute(path: string): { key: string; value: string } | undefined {
  const slash = path.lastIndexOf('/')
  if (slash <= 0) return undefined
  const prefix = path.slice(0, slash)
  const key = PARAM_ROUTES.find((k) => k.slice(0, k.lastIndexOf('/')) === prefix)
  if (key === undefined || slash === path.length - 1) return undefined
  try {
    return { key, value: decodeURIComponent(path.slice(slash + 1)) }
  } catch {
    return undefined
  }
}
