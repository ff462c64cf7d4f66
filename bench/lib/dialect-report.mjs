import { DIALECTS } from './dialect-suite.mjs'
import { fmt, table } from './table.mjs'

/** The dialect rows' ratios to the Express hello of the same rounds, keyed as in latest.json. */
export function dialectRatios(d) {
  const key = (dialect) => dialect.replace(/-(\w)/g, (_, c) => c.toUpperCase())
  return Object.fromEntries(
    DIALECTS.flatMap((dialect) => [
      [`${key(dialect)}SignInVsExpress`, d[`${dialect} sign-in`].rps / d.express.rps],
      [`${key(dialect)}SessionVsExpress`, d[`${dialect} session`].rps / d.express.rps],
    ]),
  )
}

/** Target rows (label, value, goal, met): the REST targets, sign-in >= 0.6x and session >= 0.85x. */
export function dialectTargets(d) {
  return DIALECTS.flatMap((dialect) => {
    const signIn = d[`${dialect} sign-in`].rps / d.express.rps
    const session = d[`${dialect} session`].rps / d.express.rps
    return [
      [`${dialect} sign-in vs Express hello`, signIn, '>= 0.6', signIn >= 0.6],
      [`${dialect} session vs Express hello`, session, '>= 0.85', session >= 0.85],
    ]
  })
}

export function dialectTable(d) {
  return table(['item', 'req/s', 'vs Express', 'p50 ms', 'p99 ms', 'rounds'], Object.entries(d).map(([name, r]) => [
    name === 'express' ? 'Express 5 hello (same rounds)' : name,
    fmt(r.rps),
    fmt(r.rps / d.express.rps, 2),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.runs.join(' ') + (r.bad ? ` (${r.bad} bad)` : ''),
  ]))
}
