/** @module The mock-auth command line: `main(argv, io)` resolves with an exit code. */
export { main } from './main.js'
export { shutdownSignal } from './signals.js'
export { DEFAULT_PORT, DEFAULT_URL } from './defaults.js'
export { CliError, type CliIo } from './io.js'
