import type { BrowserContext } from '@playwright/test'
import { parseSetCookie } from 'cookie'
import { MockAuthError } from '../core/kernel.js'

/**
 * Puts Set-Cookie values into a browser context as the browser itself would store them (HttpOnly,
 * SameSite, Path, Max-Age), for the app at `url`.
 */
export async function addSetCookies(context: BrowserContext, url: string, setCookies: readonly string[]): Promise<void> {
  let origin: URL
  try {
    origin = new URL(url)
  } catch {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Cannot store cookies for "${url}": pass the app's URL, e.g. signIn('test', { url: 'http://localhost:5173' }), or set baseURL in playwright.config.`)
  }
  const nowSeconds = Date.now() / 1000
  await context.addCookies(
    setCookies.map((raw) => {
      const c = parseSetCookie(raw)
      const sameSite = c.sameSite === 'strict' ? 'Strict' : c.sameSite === 'none' ? 'None' : 'Lax'
      return {
        name: c.name,
        value: c.value ?? '',
        domain: origin.hostname,
        path: c.path ?? '/',
        httpOnly: c.httpOnly === true,
        secure: c.secure === true,
        sameSite,
        // Max-Age wins over Expires (RFC 6265 §5.3 step 3); next-auth writes Expires only.
        ...(c.maxAge !== undefined ? { expires: nowSeconds + c.maxAge } : c.expires !== undefined ? { expires: c.expires.getTime() / 1000 } : {}),
      }
    }),
  )
}
