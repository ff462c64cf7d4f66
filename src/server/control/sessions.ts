import { errorResult, jsonResult, type AuthResult } from '../../core/kernel.js'
import type { ControlContext } from './context.js'

/** `GET /__mock-auth/namespaces`: the live namespaces, least recently used first (the dashboard's picker). */
export function getNamespaces({ engine }: ControlContext): AuthResult {
  return jsonResult(200, { namespaces: engine.namespaces() })
}

/**
 * `DELETE /__mock-auth/sessions/<id>`: revokes one session, so its access and refresh tokens stop
 * working at once (the app reads signed out on its next call); 404 for an unknown id.
 */
export function deleteSession({ state, param = '' }: ControlContext & { param?: string }): AuthResult {
  if (!state.store.revokeSession(param)) {
    return errorResult('not_found', { message: `No live session "${param}" in namespace "${state.name}". GET /__mock-auth/state lists the sessions.` })
  }
  return jsonResult(200, { status: 'revoked', namespace: state.name, id: param })
}
