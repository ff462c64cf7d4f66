import { realClientSuite, V5 } from './support/real-client-suite.js'

/** next-auth 5 beta's real client (Auth.js v5) against `createServer({ dialect: 'authjs' })` on a real port. */
realClientSuite({ ...V5, transport: 'serve' })
