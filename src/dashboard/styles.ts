/**
 * The dashboard's styles, one string for the served page and for the panel's Shadow DOM (where no
 * page style reaches in and none leaks out). System colours in dark mode; wraps instead of
 * scrolling sideways at 390 px.
 */
export const DASHBOARD_CSS = `
:host, .mock-auth-dashboard { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --err: #b42318;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
@media (prefers-color-scheme: dark) { :host, .mock-auth-dashboard { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --accent: #58a6ff; --err: #ff7b72; } }
.mock-auth-dashboard { box-sizing: border-box; max-width: 1200px; margin: 0 auto; padding: 12px; }
.mock-auth-dashboard *, .mock-auth-dashboard *::before, .mock-auth-dashboard *::after { box-sizing: border-box; }
header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; justify-content: space-between; border-bottom: 1px solid var(--line); padding-bottom: 8px; }
h1 { font-size: 18px; margin: 0; } h2 { font-size: 15px; margin: 0 0 8px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); gap: 12px; margin-top: 12px; }
section { border: 1px solid var(--line); border-radius: 8px; padding: 10px; min-width: 0; }
section.wide { grid-column: 1 / -1; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: end; margin-top: 6px; }
.field { display: flex; flex-direction: column; gap: 2px; min-width: 0; max-width: 100%; }
label, .label, .hint { color: var(--muted); font-size: 12px; }
select, input, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; max-width: 100%; }
select { min-width: 0; width: 100%; }
button { cursor: pointer; border-color: var(--accent); color: var(--accent); }
button:hover { background: color-mix(in srgb, var(--accent) 10%, transparent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
button { white-space: nowrap; }
ul { margin: 0; padding-left: 18px; } li { overflow-wrap: anywhere; }
.status { min-height: 1.4em; color: var(--err); }
a { color: var(--accent); }
`
