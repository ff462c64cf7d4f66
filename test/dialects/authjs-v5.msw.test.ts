import { realClientSuite, V5 } from './support/real-client-suite.js'

/** next-auth 5 beta's real client (Auth.js v5) against the MSW handlers in Node (no port). */
realClientSuite({ ...V5, transport: 'msw' })
