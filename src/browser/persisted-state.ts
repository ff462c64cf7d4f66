import { AccountState, Store, type AccountSnapshot, type Engine, type ExportedKeySet, type StoreSnapshot } from '../core/kernel.js'

/** What survives a page reload, as JSON under one storage key. */
export interface PersistedState {
  version: 1
  /** The options the state was made with; different options start fresh instead of mixing. */
  fingerprint: string
  /** Generated ES256 keys (absent when the user passed a secret or keys: those are rebuilt from options). */
  keys?: ExportedKeySet
  namespaces: Record<string, PersistedNamespace>
}

export interface PersistedNamespace {
  store: StoreSnapshot
  scenario: string
  /** Engine clock minus real time, so `advance('15m')` survives a reload. */
  clockOffsetMs: number
  /** Mailbox, mailed tokens, MFA challenges: following a mailed link reloads the page. */
  account?: AccountSnapshot
}

/** `localStorage` or anything shaped like it (a test double, sessionStorage). */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function readPersisted(storage: StorageLike, key: string, fingerprint: string): PersistedState | undefined {
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch {
    return undefined
  }
  if (raw === null) return undefined
  try {
    const parsed = JSON.parse(raw) as Partial<PersistedState>
    if (parsed.version !== 1 || parsed.fingerprint !== fingerprint || typeof parsed.namespaces !== 'object' || parsed.namespaces === null) return undefined
    return parsed as PersistedState
  } catch {
    // Corrupt or foreign data under our key: start fresh rather than fail the page.
    return undefined
  }
}

export function snapshotEngine(engine: Engine, fingerprint: string, keys: ExportedKeySet | undefined): PersistedState {
  const namespaces: Record<string, PersistedNamespace> = {}
  for (const name of engine.namespaces()) {
    const state = engine.namespace(name)
    namespaces[name] = { store: state.store.snapshot(), scenario: state.scenario.name, clockOffsetMs: state.clock.now() - Date.now(), account: state.account.snapshot() }
  }
  return { version: 1, fingerprint, ...(keys === undefined ? {} : { keys }), namespaces }
}

/** Puts saved namespaces back into a fresh engine; a scenario that no longer exists is skipped. */
export function restoreEngine(engine: Engine, saved: PersistedState): void {
  for (const [name, ns] of Object.entries(saved.namespaces)) {
    const state = engine.namespace(name)
    state.store = Store.fromSnapshot(ns.store, engine.config.storeLimits)
    if (ns.account !== undefined) state.account = AccountState.fromSnapshot(ns.account)
    if (engine.config.scenarios.has(ns.scenario)) state.use(ns.scenario)
    if (Number.isFinite(ns.clockOffsetMs)) state.clock.set(Date.now() + ns.clockOffsetMs)
  }
}
