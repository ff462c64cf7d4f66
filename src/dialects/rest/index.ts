import type { Dialect } from '../../core/kernel.js'
import { encodeRestError } from './encode-error.js'
import { REST_ROUTES } from './route-table.js'

/** mock-auth's own REST contract (the default dialect): `/login`, `/register`, `/logout`, `/me`, `/refresh`... */
export const restDialect: Dialect = {
  name: 'rest',
  routes: REST_ROUTES,
  encodeError: encodeRestError,
}

export { AUTH_PATHS, isAuthPath, allowedMethods, type AuthPath } from './route-table.js'
