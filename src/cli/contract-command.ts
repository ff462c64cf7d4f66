import { describeRoutes } from '../dialects/contract/describe-routes.js'
import { CliError, EXIT_USAGE, type CliIo } from './io.js'

/**
 * `mock-auth contract check FILE`: validates a contract file and prints the routes it defines.
 * Exit 0 when valid; 1 with one sentence naming the field and the fix when not (a bad file, as
 * for `serve --users`); 2 for a usage mistake.
 */
export async function runContract(options: { action: string | undefined; file: string | undefined }, io: CliIo): Promise<number> {
  if (options.action !== 'check') throw new CliError(`Unknown contract command "${String(options.action)}": use mock-auth contract check FILE.`, EXIT_USAGE)
  if (options.file === undefined || options.file === '') throw new CliError('Pass the contract file: mock-auth contract check my-backend.json.', EXIT_USAGE)
  const { loadContractFile } = await import('../server/load-contract.js')
  const contract = await loadContractFile(options.file)
  const count = contract.routes.length
  io.stdout.write(`Contract "${contract.name}" (${options.file}) is valid: ${count} route${count === 1 ? '' : 's'}.\n`)
  if (contract.description !== undefined) io.stdout.write(`${contract.description}\n`)
  io.stdout.write(`Routes:\n${describeRoutes(contract).join('\n')}\n`)
  return 0
}
