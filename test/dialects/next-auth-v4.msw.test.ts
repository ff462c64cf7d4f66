import { realClientSuite, V4 } from './support/real-client-suite.js'

/** next-auth 4.24's real `next-auth/react` against the MSW handlers in Node (no port). */
realClientSuite({ ...V4, transport: 'msw' })
