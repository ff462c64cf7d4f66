import { errorResult, isMockAuthError, jsonResult, publicUser, unknownScenarioResult, type AuthResult, type UserInput } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/** `POST /__mock-auth/users` `{"username": "locked-user", "password": "x", "scenario": "locked"}`: 201 with the user. */
export function postUser({ engine, fields, state }: ControlContext): AuthResult {
  try {
    const user = state.addUser({ ...fields } as unknown as UserInput)
    return jsonResult(201, { user: user.scenario === undefined ? publicUser(user) : { ...publicUser(user), scenario: user.scenario } })
  } catch (failure) {
    if (!isMockAuthError(failure)) throw failure
    if (failure.code === 'ERR_USER_EXISTS') return errorResult('user_exists', { message: failure.message })
    if (failure.code === 'ERR_LIMIT_EXCEEDED') return errorResult('limit_exceeded', { message: failure.message })
    if (failure.code === 'ERR_UNKNOWN_SCENARIO') return unknownScenarioResult(String(fields.scenario), engine.config.scenarios)
    return badRequest(failure.message)
  }
}

/** `DELETE /__mock-auth/users/<id>`: removes the user and revokes their sessions; 404 for an unknown id. */
export function deleteUser({ state, param = '' }: ControlContext): AuthResult {
  let sessions = 0
  for (const session of state.store.sessions.values()) if (session.userId === param) sessions++
  if (!state.removeUser(param)) {
    const known = [...state.store.users.keys()].join(', ')
    return errorResult('not_found', { message: `No user with id "${param}" in namespace "${state.name}". Known ids: ${known || 'none'}.` })
  }
  return jsonResult(200, { status: 'removed', namespace: state.name, id: param, revokedSessions: sessions })
}
