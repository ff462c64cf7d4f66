// The app's dev-mode mocks: mock-auth in MSW's service worker, inside the page (?msw=1).
// createBrowserMockAuth keeps users, sessions, scenario and keys in localStorage, so a reload
// keeps a signed-in user signed in.
import { setupWorker } from 'msw/browser'
import { createBrowserMockAuth } from 'mock-auth/browser'

export async function startMocks() {
  // ?panel=1 mounts mock-auth's in-page panel (scenario, clock, users, sessions, journal).
  const mockAuth = createBrowserMockAuth({ baseUrl: '/api/auth', panel: new URLSearchParams(location.search).has('panel') })
  const worker = setupWorker(...mockAuth.handlers)
  // 'bypass': the page's own files and any other API go to the network untouched.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
  // For the console and the browser tests: mockAuth.use('expired'), mockAuth.clearStorage(), ...
  window.mockAuth = mockAuth
  return mockAuth
}
