import { MockAuthError } from '../core/kernel.js'

/**
 * mock-auth accepts test passwords and signs tokens with throwaway keys: it must never stand in for
 * a real auth server by accident. It refuses to start under `NODE_ENV=production` unless told so.
 */
export function assertNotProduction(options: { allowProduction?: boolean | undefined; env?: Record<string, string | undefined> } = {}): void {
  const env = options.env ?? process.env
  if (env.NODE_ENV?.trim().toLowerCase() !== 'production' || options.allowProduction === true) return
  throw new MockAuthError(
    'ERR_INVALID_OPTIONS',
    'Refusing to start: NODE_ENV is "production" and mock-auth is a mock that accepts test passwords. Unset NODE_ENV, or pass --allow-production (allowProduction: true) if you really mean it.',
  )
}
