export { createBrowserMockAuth, type BrowserMockAuth, type BrowserMockAuthOptions } from './create-browser-mock-auth.js'
export type { StorageLike, PersistedState } from './persisted-state.js'
export type { MockAuth, MockAuthOptions, MockAuthControls, SignedIn } from '../../handlers/index.js'
