import { exportPrivateJwks, type SigningAlgorithm } from '../core/kernel.js'
import { CliError, type CliIo } from './io.js'

export interface KeysCommandOptions {
  out?: string | undefined
  alg?: string | undefined
}

/**
 * `mock-auth keys --out FILE`: writes a fresh private JWK Set (ES256 by default, HS256 with a
 * random secret), the file `serve --keys FILE` signs with. Without `--out` it prints the set.
 */
export async function runKeys(options: KeysCommandOptions, io: CliIo): Promise<number> {
  const alg = parseAlg(options.alg)
  const { generateKeySet, writeKeysFile } = await import('../server/keys-file.js')
  const keys = await generateKeySet(alg)
  if (options.out === undefined) {
    io.stdout.write(`${JSON.stringify(exportPrivateJwks(keys), null, 2)}\n`)
    return 0
  }
  await writeKeysFile(options.out, keys)
  io.stdout.write(`Wrote an ${keys.alg} key (kid ${keys.kid}) to ${options.out}; start with: mock-auth serve --keys ${options.out}\n`)
  return 0
}

/** `--alg`, any case; undefined when not given. */
export function parseAlg(value: string | undefined): SigningAlgorithm | undefined {
  if (value === undefined) return undefined
  const alg = value.toUpperCase()
  if (alg !== 'ES256' && alg !== 'HS256') throw new CliError(`Invalid --alg "${value}": use ES256 (the default) or HS256.`, 2)
  return alg
}
