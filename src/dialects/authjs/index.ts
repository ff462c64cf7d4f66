import { createNextAuthDialect, type JweContentCipher, type NextAuthDialect } from '../next-auth/index.js'
import { AUTHJS_V5 } from './wire.js'

/** Auth.js v5's wire: next-auth's codec with v5's differences as data (`wire.ts`). */
export function authjsDialect(secret?: string, cipher?: JweContentCipher): NextAuthDialect {
  return createNextAuthDialect(AUTHJS_V5, secret, cipher)
}

export { AUTHJS_V5 } from './wire.js'
