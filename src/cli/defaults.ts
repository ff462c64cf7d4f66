/** The port `mock-auth serve` listens on and `mock-auth token` asks, unless told otherwise. */
export const DEFAULT_PORT = 4010
export const DEFAULT_CLI_HOST = '127.0.0.1'
export const DEFAULT_URL = `http://${DEFAULT_CLI_HOST}:${DEFAULT_PORT}`
