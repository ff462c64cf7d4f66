import type { ControlClient, JournalEntry } from './control-client.js'
import { h, labelled } from './dom.js'
import { clockSection, failuresSection, journalSection, mailboxSection, scenarioSection, sessionsSection, usersSection, type SectionContext } from './sections.js'
import { DASHBOARD_CSS } from './styles.js'

export interface DashboardOptions {
  /** Show the namespace picker (the served dashboard); the in-page panel has one namespace. */
  namespace?: { current: string; choose(name: string): void }
  /** Milliseconds between state refreshes (the clock, sessions); 0 turns it off. Default 2,000. */
  refreshMs?: number
}

export interface MountedDashboard {
  refresh(): Promise<void>
  destroy(): void
}

/**
 * Renders every control into `root` (a page element or a Shadow root) and keeps it current: state
 * on every action and on a timer, the journal live (`subscribe`) or by polling `journal(since)`.
 * Every control drives the `ControlClient`, so the page can do nothing the control API cannot.
 */
export function mountDashboard(root: HTMLElement | ShadowRoot, client: ControlClient, options: DashboardOptions = {}): MountedDashboard {
  const container = h('div', { class: 'mock-auth-dashboard' })
  root.append(h('style', {}, DASHBOARD_CSS), container)
  const status = h('p', { class: 'status', role: 'status' })
  const sections = h('div', { class: 'grid' })
  const header = h('header', {}, h('h1', {}, 'mock-auth'), status)
  container.append(header, sections)
  const act = async (what: () => Promise<void>) => {
    try {
      status.textContent = ''
      await what()
    } catch (error) {
      // The control API's sentence says what failed and what to do.
      status.textContent = error instanceof Error ? error.message : String(error)
    }
    await refresh()
  }
  const journal = journalSection(client, act)
  journal.element.classList.add('wide')
  let lastSeq = 0
  const addEntries = (entries: JournalEntry[]) => {
    const fresh = entries.filter((e) => e.seq > lastSeq)
    if (fresh.length === 0) return
    lastSeq = Math.max(lastSeq, ...fresh.map((e) => e.seq))
    journal.add(fresh)
  }
  let scenarios: SectionContext['scenarios'] = []
  let picker: HTMLElement | undefined

  async function refresh(): Promise<void> {
    try {
      if (scenarios.length === 0) scenarios = await client.scenarios()
      const [state, mails] = await Promise.all([client.state(), client.mailbox().catch(() => [])])
      const ctx: SectionContext = { client, state, scenarios, act }
      sections.replaceChildren(scenarioSection(ctx), clockSection(ctx), usersSection(ctx), sessionsSection(ctx), failuresSection(ctx), mailboxSection(mails), journal.element)
      if (options.namespace) await renderPicker(options.namespace)
      if (!client.subscribe) addEntries(await client.journal(lastSeq))
    } catch (error) {
      status.textContent = `Cannot reach the mock: ${error instanceof Error ? error.message : String(error)}`
    }
  }

  async function renderPicker(namespace: NonNullable<DashboardOptions['namespace']>): Promise<void> {
    const names = await client.namespaces()
    if (!names.includes(namespace.current)) names.unshift(namespace.current)
    const select = h('select', { onchange: () => namespace.choose(select.value) }, ...names.map((n) => h('option', { value: n, selected: n === namespace.current }, n)))
    const next = labelled('Namespace', select)
    if (picker) picker.replaceWith(next)
    else header.insertBefore(next, status)
    picker = next
  }

  // A request changes state (a session, the journal): refresh soon after, once per burst.
  let soon: ReturnType<typeof setTimeout> | undefined
  const refreshSoon = () => {
    if (soon === undefined) soon = setTimeout(() => void ((soon = undefined), refresh()), 250)
  }
  const unsubscribe = client.subscribe?.((entry) => {
    addEntries([entry])
    refreshSoon()
  })
  if (unsubscribe) void client.journal(0).then(addEntries, () => undefined)
  const every = options.refreshMs ?? 2_000
  // Never re-render under the user's hands: a timed refresh waits while focus is in the dashboard.
  const focusInside = () => {
    const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement
    return active !== null && container.contains(active) && active !== document.body
  }
  const timer = every > 0 ? setInterval(() => void (focusInside() ? undefined : refresh()), every) : undefined
  void refresh()
  return {
    refresh,
    destroy() {
      if (timer !== undefined) clearInterval(timer)
      if (soon !== undefined) clearTimeout(soon)
      unsubscribe?.()
      container.remove()
    },
  }
}
