import { jsonResult, type AuthResult } from '../../core/kernel.js'
import type { ControlContext } from './context.js'

/** `GET /__mock-auth/mailbox[?to=]`: this namespace's mails, newest last (nothing is ever sent). */
export function getMailbox({ request, state }: ControlContext): AuthResult {
  const to = new URL(request.url).searchParams.get('to')
  return jsonResult(200, state.account.mailbox.list(to === null ? {} : { to }))
}
