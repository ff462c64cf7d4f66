/** @module mock-auth/server: the Express server, its control API and the file loaders (Node only). */
export { createServer, DEFAULT_HOST, type ServerOptions, type ListenOptions, type RunningServer, type MockAuthServer } from './create-server.js'
export { handleControl, namespaceOf, CONTROL_PREFIX, CONTROL_PATHS } from './control-api.js'
export { corsHeaders, corsMiddleware, isLocalOrigin, originMatcher, CORS_HEADERS, CORS_METHODS, type CorsOrigins } from './cors.js'
export { toAuthRequest } from './node-request.js'
export { sendResult } from './send-result.js'
export { loadUsersFile, loadScenariosFile, loadConfigFile, type ConfigFile } from './load-files.js'
export { assertNotProduction } from './production-guard.js'
export { formatLogLine, type RequestLogEntry } from './request-log.js'
