import type { ControlClient, DashboardMail, DashboardState, JournalEntry } from './control-client.js'
import { h, labelled, time } from './dom.js'

/** What each section needs: the client, the latest state, and a way to act then refresh. */
export interface SectionContext {
  client: ControlClient
  state: DashboardState
  scenarios: Array<{ name: string; description: string }>
  act: (what: () => Promise<void>) => Promise<void>
}

const section = (title: string, ...children: Array<Node | null>) => h('section', { 'aria-label': title }, h('h2', {}, title), ...children)

export function scenarioSection({ client, state, scenarios, act }: SectionContext): HTMLElement {
  const select = h('select', { onchange: () => void act(() => client.useScenario(select.value)) })
  for (const s of scenarios) select.append(h('option', { value: s.name, selected: s.name === state.scenario }, `${s.name}: ${s.description}`))
  const current = scenarios.find((s) => s.name === state.scenario)
  return section('Scenario', labelled('Scenario', select), h('p', { class: 'hint' }, current?.description ?? ''))
}

export function clockSection({ client, state, act }: SectionContext): HTMLElement {
  const steps = ['1m', '15m', '1h', '1d'].map((d) => h('button', { type: 'button', onclick: () => void act(() => client.advanceClock(d)) }, `+${d}`))
  const input = h('input', { type: 'text', placeholder: '2030-01-01T00:00:00Z', inputmode: 'text' })
  const set = h('button', { type: 'button', onclick: () => void act(() => client.setClock(input.value.trim())) }, 'Set clock')
  return section('Clock', h('p', { class: 'now' }, h('span', { class: 'label' }, 'Now: '), h('time', { datetime: state.now }, time(state.now))), h('div', { class: 'row' }, ...steps), h('div', { class: 'row' }, labelled('Set the clock to (ISO 8601)', input), set))
}

export function usersSection({ client, state, scenarios, act }: SectionContext): HTMLElement {
  const rows = state.users.map((u) =>
    h('tr', {}, h('td', {}, u.username), h('td', {}, u.email ?? ''), h('td', {}, u.scenario ?? ''), h('td', {}, h('button', { type: 'button', 'aria-label': `Remove ${u.username}`, onclick: () => void act(() => client.removeUser(u.id)) }, 'Remove'))),
  )
  const username = h('input', { type: 'text', required: true, autocomplete: 'off' })
  const password = h('input', { type: 'text', required: true, autocomplete: 'off' })
  const email = h('input', { type: 'email', autocomplete: 'off' })
  const scenario = h('select', {}, h('option', { value: '' }, '(namespace scenario)'), ...scenarios.map((s) => h('option', { value: s.name }, s.name)))
  const form = h(
    'form',
    {
      class: 'row',
      onsubmit: (event: Event) => {
        event.preventDefault()
        const user = { username: username.value.trim(), password: password.value, ...(email.value ? { email: email.value.trim() } : {}), ...(scenario.value ? { scenario: scenario.value } : {}) }
        void act(() => client.addUser(user))
      },
    },
    labelled('New username', username),
    labelled('New password', password),
    labelled('New email', email),
    labelled('User scenario', scenario),
    h('button', { type: 'submit' }, 'Add user'),
  )
  return section('Users', table(['Username', 'Email', 'Scenario', ''], rows, 'No users.'), form)
}

export function sessionsSection({ client, state, act }: SectionContext): HTMLElement {
  const name = (id: string) => state.users.find((u) => u.id === id)?.username ?? id
  const rows = state.sessions.map((s) =>
    h('tr', {}, h('td', {}, name(s.userId)), h('td', {}, time(s.createdAt)), h('td', {}, time(s.expiresAt)), h('td', {}, h('button', { type: 'button', 'aria-label': `Revoke the session of ${name(s.userId)} from ${time(s.createdAt)}`, onclick: () => void act(() => client.revokeSession(s.id)) }, 'Revoke'))),
  )
  const expire = h('button', { type: 'button', onclick: () => void act(() => client.expireAll()) }, 'Expire all access tokens')
  return section('Sessions', table(['User', 'Created', 'Refresh expires', ''], rows, 'No live sessions.'), h('div', { class: 'row' }, expire))
}

const FAILABLE = ['signIn', 'session', 'refresh', 'signOut', 'register', 'me']
const ERRORS = ['server_error', 'service_unavailable', 'rate_limited', 'account_locked', 'invalid_credentials', 'network-error']

export function failuresSection({ client, state, act }: SectionContext): HTMLElement {
  const pending = state.failNext.map((f) => h('li', {}, `${f.operation}: ${JSON.stringify(f.answer ?? '')} ×${String(f.remaining ?? f.times ?? 1)}`))
  const operation = h('select', {}, ...FAILABLE.map((o) => h('option', { value: o, selected: o === 'refresh' }, o)))
  const error = h('select', {}, ...ERRORS.map((e) => h('option', { value: e }, e)))
  const times = h('input', { type: 'number', min: '1', max: '100', value: '1' })
  const add = h('button', { type: 'button', onclick: () => void act(() => client.failNext(operation.value, error.value, Number(times.value) || 1)) }, 'Add failure')
  return section('Failures', pending.length > 0 ? h('ul', {}, ...pending) : h('p', { class: 'hint' }, 'No pending failures.'), h('div', { class: 'row' }, labelled('Fail the next', operation), labelled('With', error), labelled('Times', times), add))
}

export function mailboxSection(mails: DashboardMail[]): HTMLElement {
  const items = mails.map((m) => h('li', {}, h('span', {}, `${time(m.at)} to ${m.to}: ${m.subject} `), h('a', { href: m.link, target: '_blank', rel: 'noopener' }, 'Open link')))
  return section('Mailbox', items.length > 0 ? h('ul', {}, ...items) : h('p', { class: 'hint' }, 'No mail.'))
}

/** The journal, newest first; `list` is kept so live entries are prepended without a re-render. */
export function journalSection(client: ControlClient, act: SectionContext['act']): { element: HTMLElement; add(entries: JournalEntry[]): void } {
  const body = h('tbody', {})
  const clear = h('button', { type: 'button', onclick: () => void act(async () => { await client.clearJournal(); body.replaceChildren() }) }, 'Clear journal')
  const element = section('Journal', h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...['#', 'At', 'Request', 'Operation', 'Status', 'Error', 'User'].map((c) => h('th', { scope: 'col' }, c)))), body)), h('div', { class: 'row' }, clear))
  element.setAttribute('aria-live', 'polite')
  return {
    element,
    add(entries) {
      for (const e of entries) {
        const row = h('tr', { 'data-seq': String(e.seq) }, h('td', {}, String(e.seq)), h('td', {}, time(e.at)), h('td', {}, `${e.method} ${e.path}`), h('td', {}, e.operation ?? ''), h('td', {}, String(e.status)), h('td', {}, e.error ?? ''), h('td', {}, e.user ?? ''))
        body.prepend(row)
      }
      // Bounded like the journal itself.
      while (body.childElementCount > 200) body.lastElementChild?.remove()
    },
  }
}

function table(columns: string[], rows: HTMLElement[], empty: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'hint' }, empty)
  return h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows)))
}
