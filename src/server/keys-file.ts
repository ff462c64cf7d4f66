import { readFile, writeFile } from 'node:fs/promises'
import { createKeySet, exportPrivateJwks, importPrivateJwks, MockAuthError, randomSecret, type KeySet, type SigningAlgorithm } from '../core/kernel.js'

/** A fresh key set: ES256 (a new P-256 pair) or HS256 (a random 256-bit secret). */
export function generateKeySet(alg: SigningAlgorithm = 'ES256'): Promise<KeySet> {
  return alg === 'HS256' ? createKeySet({ alg, secret: randomSecret() }) : createKeySet({ alg })
}

/**
 * Writes a key set as a private JWK Set, readable by its owner only (0600: it holds private keys).
 * `overwrite: false` refuses an existing file instead of replacing keys an app may have cached.
 */
export async function writeKeysFile(path: string, keys: KeySet, options: { overwrite?: boolean } = {}): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(exportPrivateJwks(keys), null, 2)}\n`, { mode: 0o600, flag: options.overwrite ? 'w' : 'wx' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EEXIST' ? 'it already exists (delete it first to replace its keys)' : code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Cannot write the keys file ${path}: ${why}.`, { cause: error })
  }
}

/**
 * The keys of `--keys FILE`: read from the file, or, when it does not exist yet, generated and
 * written there, so the next start (and an app that cached the JWKS) sees the same keys.
 */
export async function loadKeysFile(path: string, options: { alg?: SigningAlgorithm } = {}): Promise<{ keys: KeySet; created: boolean }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new MockAuthError('ERR_INVALID_OPTIONS', `Cannot read the keys file ${path}: ${(error as Error).message}.`, { cause: error })
    }
    const keys = await generateKeySet(options.alg)
    await writeKeysFile(path, keys)
    return { keys, created: true }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid keys file ${path}: not valid JSON. Write a fresh one with "mock-auth keys --out FILE".`)
  }
  const keys = await importPrivateJwks(data, `keys file ${path}`)
  if (options.alg !== undefined && keys.alg !== options.alg) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `The keys file ${path} holds an ${keys.alg} key, but --alg is ${options.alg}: drop --alg or use another file.`)
  }
  return { keys, created: false }
}
