/**
 * The few lines of UI both client pages share: a sign-in form, a "Sign in with Google" button, the
 * session status, an error line and a sign-out button. The pages themselves only call their real client library.
 */

const $ = (id) => {
  const element = document.getElementById(id)
  if (!element) throw new Error(`#${id} is missing from the page`)
  return element
}

/**
 * `actions.session()` resolves to the signed-in user's email or undefined; `actions.signIn(email,
 * password)` to undefined on success, else the client's error as the page shows it.
 */
export function mountPage(actions) {
  const form = $('sign-in')
  const status = $('status')
  const error = $('error')
  const showSession = async () => {
    document.body.dataset.state = 'loading'
    try {
      const email = await actions.session()
      status.textContent = email === undefined ? 'Signed out' : `Signed in as ${email}`
      document.body.dataset.state = email === undefined ? 'signed-out' : 'signed-in'
    } catch (failure) {
      status.textContent = `Session failed: ${String(failure)}`
      document.body.dataset.state = 'failed'
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const data = new FormData(form)
    void (async () => {
      error.textContent = ''
      const refused = await actions.signIn(String(data.get('email')), String(data.get('password')))
      error.textContent = refused ?? ''
      await showSession()
    })()
  })
  $('google').addEventListener('click', () => void actions.google())
  // Back from a refused social sign-in with `?error=` (better-auth's errorCallbackURL).
  error.textContent = new URLSearchParams(location.search).get('error') ?? ''
  $('sign-out').addEventListener('click', () => {
    void actions.signOut().then(showSession)
  })
  void showSession()
}
