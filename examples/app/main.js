// The example app: a sign-in form, the session, the user from /me, sign-out, and a log of every
// auth request. Load it with ?msw=1 to run mock-auth in a service worker inside the page instead
// of talking to a server.
import { createAuthClient } from './auth-client.js'
import { installFlows } from './flows.js'

const $ = (id) => document.getElementById(id)
const params = new URLSearchParams(location.search)

function logRequest({ method, path, status, error }) {
  const item = document.createElement('li')
  item.textContent = `${method} /api/auth${path} → ${status === 0 ? 'no answer' : status}${error ? ` ${error}` : ''}`
  if (status === 0 || status >= 400) item.className = 'failed'
  $('log').append(item)
}

const auth = createAuthClient({ onRequest: logRequest })

const SECTIONS = { loading: 'loading', 'signed-out': 'sign-in', 'signed-in': 'session', mfa: 'mfa', forgot: 'forgot', reset: 'reset', magic: 'magic' }

function show(state) {
  document.body.dataset.state = state
  for (const [name, id] of Object.entries(SECTIONS)) $(id).hidden = state !== name
}

function message(id, text) {
  $(id).textContent = text ?? ''
  $(id).hidden = !text
}

function showSignIn({ notice, error } = {}) {
  message('notice', notice)
  message('error', error)
  show('signed-out')
}

/** A failed call's own words: `message` from the `{error, message}` body, and its code. */
function describe(result) {
  const code = result.body?.error ?? `http_${result.status}`
  return `${result.body?.message ?? 'The auth server refused the request.'} (${code})`
}

function renderProfile(user) {
  const rows = [['User id', user.id], ['Username', user.username], ['Email', user.email], ['Roles', user.roles?.join(', ')]]
  $('profile').replaceChildren(
    ...rows.filter(([, value]) => value).flatMap(([label, value]) => {
      const dt = document.createElement('dt')
      const dd = document.createElement('dd')
      dt.textContent = label
      dd.textContent = String(value)
      return [dt, dd]
    }),
  )
}

/** /me through the refresh-and-retry path; a refresh failure sends the user back to sign-in. */
async function loadProfile() {
  const me = await auth.getMe()
  if (me.sessionExpired) return showSignIn({ notice: 'Session expired, sign in again.' })
  if (!me.ok) return showSignIn({ error: describe(me) })
  renderProfile(me.body.user ?? me.body)
}

/** Start-up and after every sign-in/out: ask the server (or the mock) who is signed in. */
async function refreshView() {
  show('loading')
  const session = await auth.getSession()
  if (session.sessionExpired) return showSignIn({ notice: 'Session expired, sign in again.' })
  if (!session.ok) return showSignIn({ error: describe(session) })
  if (!session.body?.authenticated) return showSignIn()
  const user = session.body.user
  $('signed-in-as').textContent = `Signed in as ${user.name ?? user.username} (${user.username})`
  show('signed-in')
  await loadProfile()
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  // currentTarget is only set while the event dispatches, so keep the form before any await.
  const formElement = event.currentTarget
  const form = new FormData(formElement)
  const button = formElement.querySelector('button')
  button.disabled = true
  try {
    const result = await auth.signIn(String(form.get('username')), String(form.get('password')))
    if (!result.ok) return showSignIn({ error: describe(result) })
    formElement.reset()
    message('notice', '')
    if (result.body?.mfaRequired) return flows.askForCode(result.body)
    await refreshView()
  } finally {
    button.disabled = false
  }
})

$('sign-out').addEventListener('click', async () => {
  const result = await auth.signOut()
  if (!result.ok && result.status !== 401) return message('error', describe(result))
  await refreshView()
  // `revoked` says the server killed the session too, not only the cookies (issue 2: sign-out).
  message('notice', result.body?.revoked ? 'You are signed out; the server revoked your session.' : 'You are signed out.')
})

$('reload-profile').addEventListener('click', () => loadProfile())

// "Sign in with Google": GET /api/auth/signin/google answers 302 to the provider's account chooser;
// its callback sets the cookies and sends the browser back here (callbackUrl), or here with ?error=.
$('sign-in-google').addEventListener('click', () => {
  const back = new URL(location.pathname, location.origin)
  location.assign(`/api/auth/signin/google?${new URLSearchParams({ callbackUrl: back.pathname })}`)
})

/** Back from a refused social sign-in (`?error=access_denied&error_description=...`): say so, once. */
function socialError() {
  const error = params.get('error')
  if (!error) return false
  history.replaceState(null, '', location.pathname + (params.has('msw') ? '?msw=1' : ''))
  showSignIn({ error: `${params.get('error_description') ?? 'The sign-in was refused.'} (${error})` })
  return true
}

const flows = installFlows({ auth, $, show, message, describe, showSignIn, refreshView })

if (params.has('msw')) {
  $('mode').textContent = 'API: mock-auth in a service worker (MSW)'
  // Mocks start before the first request, as msw's docs ask (await worker.start()).
  const { startMocks } = await import('./mocks.js')
  await startMocks()
} else {
  $('mode').textContent = 'API: /api/auth on this origin'
}
if (!flows.openedFromMail() && !socialError()) await refreshView()
