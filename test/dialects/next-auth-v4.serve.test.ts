import { realClientSuite, V4 } from './support/real-client-suite.js'

/** next-auth 4.24's real `next-auth/react` against `createServer({ dialect: 'next-auth' })` on a real port. */
realClientSuite({ ...V4, transport: 'serve' })
