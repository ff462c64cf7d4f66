// `?msw=1`: mock-auth itself runs in the page, in MSW's service worker (createBrowserMockAuth),
// speaking the page's dialect; the page's client library is the same, unmodified.
import { setupWorker } from 'msw/browser'
import { createBrowserMockAuth } from 'mock-auth/browser'

/** Starts the worker before the client's first call; `window.mockAuth` is for the tests. */
export async function startInPageMock(dialect) {
  // A fixed app secret: a reload must open the session cookie the previous page load sealed.
  const mockAuth = createBrowserMockAuth({ baseUrl: '/api/auth', dialect, secret: 'in-page-mock-secret-0123456789abcdef' })
  await setupWorker(...mockAuth.handlers).start({ onUnhandledRequest: 'bypass', quiet: true })
  window.mockAuth = mockAuth
}
