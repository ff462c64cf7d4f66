import { jsonResult, type AuthResult, type StatePage } from '../../core/kernel.js'
import { badRequest, type ControlContext } from './context.js'

/**
 * `GET /__mock-auth/state?limit=100&offset=0`: one page of users and live sessions with totals;
 * `nextOffset` is the next page's offset (null at the end). Never the whole store.
 */
export function getState({ request, state }: ControlContext): AuthResult {
  const query = new URLSearchParams(queryOf(request.url))
  const page: StatePage = {}
  for (const name of ['limit', 'offset'] as const) {
    const raw = query.get(name)
    if (raw === null) continue
    if (!/^\d{1,9}$/.test(raw)) return badRequest(`Invalid ?${name}=${raw}: use a whole number${name === 'limit' ? ' from 1 to 1000' : ' of at least 0'}.`)
    page[name] = Number(raw)
  }
  // A bad page (limit 0 or over the maximum) throws a MockAuthError: the dispatcher answers 400.
  return jsonResult(200, state.summary(page))
}

function queryOf(url: string): string {
  const start = url.indexOf('?')
  if (start === -1) return ''
  const end = url.indexOf('#', start)
  return url.slice(start + 1, end === -1 ? undefined : end)
}

