import { createHmac } from 'node:crypto'
import type { CookieMac } from '../dialects/better-auth/index.js'

/**
 * node:crypto's synchronous HMAC-SHA256 for better-auth's signed session cookie, for the server:
 * WebCrypto's `sign` costs a thread-pool round trip per sign-in. Same bytes, standard base64 with
 * padding, as better-call's `serializeSignedCookie` makes.
 */
export const nodeCookieMac: CookieMac = (secret, value) => createHmac('sha256', secret).update(value).digest('base64')
