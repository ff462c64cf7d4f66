import { jsonResult } from '../../core/index.js'
import { clockBody, postClock } from './clock.js'
import type { ControlHandler } from './context.js'
import { getMailbox } from './mailbox.js'
import { postExpire, postFailNext } from './failures.js'
import { deleteJournal, getJournal } from './journal.js'
import { putScenario, scenarioBody } from './scenario.js'
import { postToken } from './token.js'
import { deleteUser, postUser } from './users.js'

/** Each control path (under `/__mock-auth`) and the handler for each method it allows. */
export const CONTROL_ROUTES: Record<string, Record<string, ControlHandler>> = {
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
  '/state': { GET: ({ state }) => jsonResult(200, state.summary()) },
  '/mailbox': { GET: getMailbox },
  '/journal': { GET: getJournal, DELETE: deleteJournal },
  '/fail-next': { POST: postFailNext },
  '/expire': { POST: postExpire },
  '/users': { POST: postUser },
  '/users/:id': { DELETE: deleteUser },
}

/** A path of a parameterised route (`/users/<id>`) as its table key plus the parameter. */
export function matchParamRoute(path: string): { key: string; value: string } | undefined {
  const match = /^\/users\/([^/]+)$/.exec(path)
  return match?.[1] === undefined ? undefined : { key: '/users/:id', value: match[1] }
}
