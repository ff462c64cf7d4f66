import { jsonResult, lazyFunction } from '../../core/kernel.js'
import type { ControlHandler } from './context.js'
// Small and used by every run's first control calls: loaded up front.
import { clockBody, postClock } from './clock.js'
import { putScenario, scenarioBody } from './scenario.js'

/**
 * A handler whose module loads on its first call: `serve` answers its first request sooner
 * (cold start), and most runs never open the dashboard or page through `/state`.
 */
const lazy = <M>(load: () => Promise<M>, pick: (module: M) => ControlHandler): ControlHandler => lazyFunction(load, pick)
const dashboard = () => import('./dashboard.js')
const failures = () => import('./failures.js')
const journal = () => import('./journal.js')
const providers = () => import('./providers.js')
const sessions = () => import('./sessions.js')
const users = () => import('./users.js')
const getDashboard = lazy(dashboard, (m) => m.getDashboard)
const getAsset = lazy(dashboard, (m) => m.getAsset)
const getNamespaces = lazy(sessions, (m) => m.getNamespaces)
const deleteSession = lazy(sessions, (m) => m.deleteSession)
const postToken = lazy(() => import('./token.js'), (m) => m.postToken)
const getState = lazy(() => import('./state.js'), (m) => m.getState)
const getMailbox = lazy(() => import('./mailbox.js'), (m) => m.getMailbox)
const getJournal = lazy(journal, (m) => m.getJournal)
const deleteJournal = lazy(journal, (m) => m.deleteJournal)
const postFailNext = lazy(failures, (m) => m.postFailNext)
const postExpire = lazy(failures, (m) => m.postExpire)
const postUser = lazy(users, (m) => m.postUser)
const deleteUser = lazy(users, (m) => m.deleteUser)
const getProviders = lazy(providers, (m) => m.getProviders)
const postNextAccount = lazy(providers, (m) => m.postNextAccount)

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
