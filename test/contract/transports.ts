import { engineTransport } from './engine-transport.js'
import { expressTransport } from './express-transport.js'
import { mswTransport } from './msw-transport.js'
import type { TransportFactory } from './transport.js'

/**
 * Every transport the contract suite runs over. To add one (e.g. MSW in-process), implement
 * `TransportFactory` in its own file and add it here: one line.
 */
export const transports: TransportFactory[] = [engineTransport, expressTransport, mswTransport]
