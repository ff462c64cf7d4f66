import { chooseNextAccount, jsonResult, type AuthResult } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/**
 * `POST /__mock-auth/providers/next-account {"provider": "google", "account": "admin@example.com"}`:
 * the next authorization at that provider (in this namespace) gets the account at once, without
 * the chooser page. The account is an email, login or subject; one authorization only.
 */
export function postNextAccount({ engine, fields, state }: ControlContext): AuthResult {
  const { provider, account } = fields
  if (typeof provider !== 'string' || provider === '' || typeof account !== 'string' || account === '') {
    return badRequest('Send {"provider": "<id>", "account": "<email, login or sub>"}, e.g. {"provider": "google", "account": "test@example.com"}.')
  }
  return jsonResult(200, chooseNextAccount(engine.config, state, provider, account))
}

/** `GET /__mock-auth/providers`: the identity providers this instance serves, for tests and tools. */
export function getProviders({ engine }: ControlContext): AuthResult {
  return jsonResult(200, [...engine.config.socialProviders.values()].map(({ id, name, kind }) => ({ id, name, kind, path: `/oidc/${id}` })))
}
