import { extname } from 'node:path'
import { MockAuthError } from '../core/kernel.js'
import { compileContract, type Contract } from '../dialects/contract/index.js'
import { importModule, readJson } from './load-files.js'

/**
 * Reads and validates a contract file: JSON, or a `.js`/`.mjs` module whose default export (or
 * `contract` export) is the contract, where functions may stand in for templates. Validated once,
 * here: every problem names the file, the field and the fix.
 */
export async function loadContractFile(path: string): Promise<Contract> {
  const ext = extname(path).toLowerCase()
  let data: unknown
  if (ext === '.js' || ext === '.mjs') {
    const mod = await importModule(path, 'contract', 'ERR_INVALID_CONTRACT')
    data = mod.default ?? mod.contract
    if (data === undefined) throw new MockAuthError('ERR_INVALID_CONTRACT', `Contract file ${path} exports no contract: write \`export default { signIn: 'POST /auth/signin', ... }\`.`)
  } else if (ext === '.json' || ext === '') {
    data = await readJson(path, 'contract', 'ERR_INVALID_CONTRACT')
  } else {
    throw new MockAuthError('ERR_INVALID_CONTRACT', `Cannot load contract file ${path}: use a .json, .js or .mjs file (TypeScript must be compiled first).`)
  }
  return compileContract(data, path)
}
