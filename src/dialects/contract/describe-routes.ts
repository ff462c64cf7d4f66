import type { Contract } from './contract-types.js'

/**
 * The routes a contract defines, one line each (`POST  /api/auth  signIn`), then its cookies and
 * where it accepts credentials: what `mock-auth contract check` prints.
 */
export function describeRoutes(contract: Contract): string[] {
  const width = Math.max(...contract.routes.map((r) => r.method.length))
  const pathWidth = Math.max(...contract.routes.map((r) => r.path.length))
  const lines = contract.routes.map((r) => `  ${r.method.padEnd(width)}  ${r.path.padEnd(pathWidth)}  ${r.operation}`)
  const cookies = [contract.cookies.access, contract.cookies.refresh].filter((c) => c !== undefined).map((c) => `${c.name} (path ${c.path})`)
  const sources = new Set<string>()
  for (const op of Object.values(contract.operations)) {
    if (op.name === 'signIn' || op.name === 'register' || op.name === 'refresh') continue
    for (const s of op.credentials) sources.add(s.from === 'bearer' ? 'Authorization: Bearer' : `${s.from} ${s.name}`)
  }
  return [
    ...lines,
    `Cookies:     ${cookies.length === 0 ? 'none' : cookies.join(', ')}`,
    `Credentials: ${sources.size === 0 ? 'none (no operation reads an access token)' : [...sources].join(', ')}`,
    `Token sub:   user.${contract.tokens.subject}`,
  ]
}
