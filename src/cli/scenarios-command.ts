import { builtinScenarios } from '../../scenarios/index.js'
import type { Scenario } from '../core/index.js'
import type { CliIo } from './io.js'

/** `mock-auth scenarios`: one line per scenario, name then description (or JSON with --json). */
export async function runScenarios(options: { json?: boolean | undefined; scenarios?: string | undefined }, io: CliIo): Promise<number> {
  const list: Scenario[] = [...builtinScenarios]
  if (options.scenarios !== undefined) {
    const { loadScenariosFile } = await import('../server/load-files.js')
    for (const scenario of await loadScenariosFile(options.scenarios)) {
      const at = list.findIndex((s) => s.name === scenario.name)
      if (at === -1) list.push(scenario)
      else list[at] = scenario
    }
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(list.map(({ name, description }) => ({ name, description })), null, 2)}\n`)
    return 0
  }
  const width = Math.max(...list.map((s) => s.name.length))
  for (const { name, description } of list) io.stdout.write(`${name.padEnd(width)}  ${description}\n`)
  return 0
}
