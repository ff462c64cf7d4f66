import type { ControlClient, DashboardState, JournalEntry } from '../dashboard/control-client.js'
import { mountDashboard, type MountedDashboard } from '../dashboard/ui.js'
import type { Engine, UserInput } from '../core/index.js'

/**
 * The dashboard's controls over the in-page engine (browser mode, no server): the same
 * operations the control API offers, called directly. `changed` persists after a mutation.
 */
export function inPageControlClient(engine: Engine, namespace: string, changed: () => void): ControlClient {
  const state = () => engine.namespace(namespace)
  const mutate = async (what: () => unknown) => {
    what()
    changed()
  }
  return {
    namespaces: async () => [namespace],
    scenarios: async () => [...engine.config.scenarios.values()].map(({ name, description }) => ({ name, description })),
    state: async () => state().summary() as unknown as DashboardState,
    useScenario: (name) => mutate(() => state().use(name)),
    advanceClock: (duration) => mutate(() => state().clock.advance(duration)),
    setClock: (iso) => mutate(() => state().clock.set(iso)),
    addUser: (user) => mutate(() => state().addUser(user as UserInput)),
    removeUser: (id) => mutate(() => state().removeUser(id)),
    revokeSession: (id) => mutate(() => state().store.revokeSession(id)),
    expireAll: () => mutate(() => state().expire()),
    failNext: (operation, error, times) => mutate(() => state().failNext(operation, error === 'network-error' ? error : { error }, { times })),
    journal: async (since) => state().journal.entries(since) as JournalEntry[],
    clearJournal: () => mutate(() => state().journal.clear()),
    mailbox: async () => state().account.mailbox.list({}),
    subscribe: (onEntry) => engine.subscribe((entry, from) => (from === namespace ? onEntry(entry as JournalEntry) : undefined)),
  }
}

export interface MockAuthPanel {
  /** Mounts the panel (collapsed to a badge that shows the scenario) if it is not mounted yet. */
  show(): void
  /** Removes it from the page. */
  hide(): void
  readonly visible: boolean
}

const HOST_STYLE = 'position:fixed;z-index:2147483647;right:12px;bottom:12px;max-width:min(760px,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto'

/**
 * The in-page panel: the dashboard inside a Shadow DOM (so neither the app's styles nor ours leak
 * across), collapsed to a badge naming the scenario; nothing is mounted until `show()`.
 */
export function createPanel(engine: Engine, namespace: string, changed: () => void): MockAuthPanel {
  let host: HTMLElement | undefined
  let mounted: MountedDashboard | undefined
  let badge = () => {}
  const client = inPageControlClient(engine, namespace, () => {
    changed()
    badge()
  })
  return {
    get visible() {
      return host !== undefined
    },
    show() {
      if (host || typeof document === 'undefined') return
      host = document.createElement('mock-auth-panel')
      host.setAttribute('style', HOST_STYLE)
      const shadow = host.attachShadow({ mode: 'open' })
      const details = document.createElement('details')
      const summary = document.createElement('summary')
      summary.setAttribute('style', 'cursor:pointer;font:12px system-ui,sans-serif;padding:4px 10px;border-radius:12px;background:#0b5cad;color:#fff;list-style:none;text-align:right')
      badge = () => void (summary.textContent = `mock-auth: ${engine.namespace(namespace).scenario.name}`)
      badge()
      const body = document.createElement('div')
      details.append(summary, body)
      shadow.append(details)
      document.body.append(host)
      mounted = mountDashboard(body, client, { refreshMs: 0 })
      const unsubscribe = engine.subscribe(() => badge())
      details.addEventListener('toggle', () => {
        badge()
        if (details.open) void mounted?.refresh()
      })
      const original = mounted.destroy
      mounted.destroy = () => {
        unsubscribe()
        original()
      }
    },
    hide() {
      mounted?.destroy()
      host?.remove()
      host = undefined
      mounted = undefined
    },
  }
}
