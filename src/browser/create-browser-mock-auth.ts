import type { MockAuth, MockAuthOptions } from '../../handlers/create-mock-auth.js'
import { createMockAuth } from '../../handlers/msw-root.js'
import { resolveBaseUrl } from '../../handlers/base-url.js'
import { BrowserCookieJar, type JarCookie } from '../../handlers/browser-cookie-jar.js'
import { createEngine, createKeySet, importKeySet, type Engine, type ExportedKeySet } from '../core/kernel.js'
import { createPanel, type MockAuthPanel } from './panel.js'
import { readPersisted, restoreEngine, snapshotEngine, type StorageLike } from './persisted-state.js'

export interface BrowserMockAuthOptions extends MockAuthOptions {
  /** Where the state is kept; default `mock-auth:<base path>`, e.g. `mock-auth:/api/auth`. */
  storageKey?: string
  /** Default `localStorage`; `false` keeps everything in memory (a reload signs out). */
  storage?: StorageLike | false
  /** Mounts the in-page panel (the dashboard's controls in a Shadow DOM, collapsed to a badge) once the page has a body. */
  panel?: boolean
}

export interface BrowserMockAuth extends MockAuth {
  readonly storageKey: string
  /** Forgets the persisted state and starts over in memory (signed out, initial scenario and clock). */
  clearStorage(): void
  /** The in-page panel over this instance: `panel.show()`; nothing is mounted unless asked. */
  readonly panel: MockAuthPanel
}

/**
 * `createMockAuth` for `setupWorker`: users, sessions, refresh-token families, scenario, clock
 * offset and the generated signing keys are written to browser storage after every handled
 * request and every control call, and read back on the next page load, so a reload keeps a
 * signed-in user signed in.
 */
export function createBrowserMockAuth(options: BrowserMockAuthOptions = {}): BrowserMockAuth {
  const { storageKey: keyOption, storage: storageOption, panel: showPanel, ...mockOptions } = options
  const storageKey = keyOption ?? `mock-auth:${resolveBaseUrl(mockOptions).basePath || '/'}`
  const storage = storageOption === false ? undefined : (storageOption ?? defaultStorage())
  const fingerprint = fingerprintOf(mockOptions)
  // Keys the user chose (a secret or a KeySet) are rebuilt from options; only generated ones persist.
  const persistKeys = mockOptions.keys === undefined && mockOptions.secret === undefined
  const saved = storage ? readPersisted(storage, storageKey, fingerprint) : undefined

  let exportedKeys: ExportedKeySet | undefined
  let engineRef: Engine | undefined
  let pending = false
  const save = (): void => {
    if (!storage || !engineRef) return
    if (persistKeys && exportedKeys === undefined) {
      pending = true // written once the keys exist (they are generated asynchronously)
      return
    }
    try {
      storage.setItem(storageKey, JSON.stringify(snapshotEngine(engineRef, fingerprint, persistKeys ? exportedKeys : undefined)))
    } catch (error) {
      console.warn(`[mock-auth] Could not persist state under "${storageKey}": ${String(error)}. A reload will sign the user out.`)
    }
  }

  // The session cookies live in mock-auth's own jar (msw 2 keeps one Set-Cookie per response),
  // persisted next to the state so a reload still sends them.
  const cookieKey = `${storageKey}:cookies`
  const cookieJar = new BrowserCookieJar(storage ? readCookies(storage, cookieKey) : [], () => {
    try {
      storage?.setItem(cookieKey, JSON.stringify(cookieJar))
    } catch (error) {
      console.warn(`[mock-auth] Could not persist cookies under "${cookieKey}": ${String(error)}. A reload will sign the user out.`)
    }
  })

  const auth = createMockAuth(mockOptions, {
    cookieJar,
    onChange: save,
    engine: (engineOptions) => {
      if (persistKeys) {
        const fresh = () => createKeySet(engineOptions.keyOptions)
        engineOptions.keys = saved?.keys ? importKeySet(saved.keys).catch(fresh) : fresh()
      }
      const engine = createEngine(engineOptions)
      if (saved) restoreEngine(engine, saved)
      engineRef = engine
      engine.keys().then(
        (keys) => {
          exportedKeys = keys.exported
          if (pending) save()
        },
        () => undefined,
      )
      return engine
    },
  })
  const panel = createPanel(auth.engine, mockOptions.namespace ?? 'default', save)
  if (showPanel) whenBodyReady(() => panel.show())
  return Object.assign(auth, {
    storageKey,
    panel,
    clearStorage() {
      storage?.removeItem(storageKey)
      cookieJar.clear()
      storage?.removeItem(cookieKey)
      auth.engine.reset()
    },
  })
}

function whenBodyReady(run: () => void): void {
  if (typeof document === 'undefined') return
  if (document.body) run()
  else document.addEventListener('DOMContentLoaded', run, { once: true })
}

function readCookies(storage: StorageLike, key: string): JarCookie[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]')
    return Array.isArray(parsed) ? (parsed as JarCookie[]) : []
  } catch {
    return []
  }
}

function defaultStorage(): StorageLike | undefined {
  const candidate = (globalThis as { localStorage?: StorageLike }).localStorage
  return candidate && typeof candidate.getItem === 'function' ? candidate : undefined
}

/** The options that shape the state; JSON of them is enough to tell "same setup" from "changed setup". */
function fingerprintOf(options: MockAuthOptions): string {
  const { keys: _keys, clock: _clock, secret, dialect, protocols, ...rest } = options
  // The secret itself stays out of storage; its tokens simply stop verifying if it changes.
  return JSON.stringify({
    ...rest,
    secret: secret !== undefined,
    scenarios: options.scenarios?.map((s) => s.name),
    ...(dialect === undefined ? {} : { dialect: typeof dialect === 'string' ? dialect : dialect.name }),
    ...(protocols === undefined ? {} : { protocols: protocols.map((p) => `${p.path}:${p.protocol.name}`) }),
  })
}
