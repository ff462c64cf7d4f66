// One page, one real client library per `?client=` (better-auth, next-auth, authjs), each its own chunk;
// `&msw=1` answers /api/auth from mock-auth in the page's service worker instead of a server.
import { mountPage } from './page-ui.js'

const CLIENTS = {
  'better-auth': () => import('./better-auth.js'),
  'next-auth': () => import('./next-auth.js'),
  authjs: () => import('./authjs.js'),
}

const name = new URLSearchParams(location.search).get('client') ?? ''
document.getElementById('client').textContent = name
const load = CLIENTS[name]
if (load === undefined) {
  document.getElementById('status').textContent = `Unknown ?client=${name}: use one of ${Object.keys(CLIENTS).join(', ')}.`
  document.body.dataset.state = 'failed'
} else {
  if (new URLSearchParams(location.search).has('msw')) await (await import('./in-page-mock.js')).startInPageMock(name)
  mountPage((await load()).actions)
}
