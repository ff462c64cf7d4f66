// The screens around sign-in: the MFA step, forgot/reset password and the magic-link request. Each
// mail's link comes back to this page (reset: `?view=reset&token=`), or, for a magic link, goes
// through mock-auth's GET /magic-link/verify, which sets the cookies and redirects here.

/** This page's URL with `view` (and the ?msw=1 mode kept, so a link opened later runs the same way). */
function pageUrl(view) {
  const url = new URL(location.pathname, location.origin)
  const current = new URLSearchParams(location.search)
  if (current.has('msw')) url.searchParams.set('msw', '1')
  if (view) url.searchParams.set('view', view)
  return url.href
}

export function installFlows({ auth, $, show, message, describe, showSignIn, refreshView }) {
  let challengeId

  /** A sign-in answered `mfaRequired`: the session waits for the code. */
  function askForCode(body) {
    challengeId = body.challengeId
    message('mfa-error', '')
    show('mfa')
    $('mfa-form').querySelector('input').focus()
  }

  async function busy(form, work) {
    const button = form.querySelector('button')
    button.disabled = true
    try {
      await work(new FormData(form))
    } finally {
      button.disabled = false
    }
  }

  $('mfa-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget
    return busy(form, async (data) => {
      const result = await auth.verifyMfa(challengeId, String(data.get('code')).trim())
      if (result.ok) {
        form.reset()
        return refreshView()
      }
      // A gone challenge (5 wrong codes, 5 minutes) means signing in again; a wrong code, another try.
      if (result.body?.error === 'invalid_mfa_code') return message('mfa-error', describe(result))
      showSignIn({ error: describe(result) })
    })
  })

  $('show-forgot').addEventListener('click', () => {
    message('forgot-notice', '')
    show('forgot')
  })
  $('show-magic').addEventListener('click', () => {
    message('magic-notice', '')
    show('magic')
  })
  for (const back of document.querySelectorAll('[data-back]')) back.addEventListener('click', () => showSignIn())

  $('forgot-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget
    return busy(form, async (data) => {
      const result = await auth.forgotPassword(String(data.get('email')), pageUrl('reset'))
      if (!result.ok) return message('forgot-notice', describe(result))
      form.reset()
      message('forgot-notice', 'If an account uses that address, a reset link is on its way.')
    })
  })

  $('magic-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget
    return busy(form, async (data) => {
      const result = await auth.requestMagicLink(String(data.get('email')), pageUrl())
      if (!result.ok) return message('magic-notice', describe(result))
      form.reset()
      message('magic-notice', 'Check your inbox: a sign-in link is on its way.')
    })
  })

  $('reset-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const form = event.currentTarget
    return busy(form, async (data) => {
      const token = new URLSearchParams(location.search).get('token') ?? ''
      const result = await auth.resetPassword(token, String(data.get('password')))
      if (!result.ok) return message('reset-error', describe(result))
      // The token is used up: drop it from the address bar so a reload does not offer the form again.
      history.replaceState(null, '', pageUrl())
      showSignIn({ notice: 'Password changed. Sign in with your new password.' })
    })
  })

  return {
    askForCode,
    /** True when this page was opened from a reset mail: show its form instead of the session. */
    openedFromMail() {
      const params = new URLSearchParams(location.search)
      if (params.get('view') !== 'reset' || !params.get('token')) return false
      message('reset-error', '')
      show('reset')
      return true
    },
  }
}
